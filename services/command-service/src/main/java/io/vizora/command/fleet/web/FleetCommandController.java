package io.vizora.command.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.fleet.application.FleetCommandService;
import io.vizora.command.fleet.domain.FleetCommands;
import io.vizora.command.identity.web.Callers;
import io.vizora.schedule.Targets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/commands")
@Tag(name = "Fleet commands")
class FleetCommandController {

    record CommandTargets(@Size(max = Targets.MAX_EACH) List<@NotNull UUID> displayIds,
                          @Size(max = Targets.MAX_EACH) List<@NotNull UUID> groupIds,
                          @Size(max = Targets.MAX_EACH) List<@NotNull @Size(max = 63) String> tags,
                          Boolean wholeOrganisation) {

        FleetCommandService.Targets targets() {
            return new FleetCommandService.Targets(orEmpty(displayIds), orEmpty(groupIds), orEmpty(tags), Boolean.TRUE.equals(wholeOrganisation));
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    /** {@code expiresInSeconds}: how long displays that are offline may still receive it (default an hour, at most a day). */
    record CommandRequest(@NotNull FleetCommands.Command command, @NotNull @Valid CommandTargets targets,
                          @Min(FleetCommands.MIN_SECONDS) @Max(FleetCommands.MAX_SECONDS) Integer expiresInSeconds) {

        Duration lifetime() {
            return expiresInSeconds == null ? FleetCommands.DEFAULT_EXPIRY : Duration.ofSeconds(expiresInSeconds);
        }
    }

    private final FleetCommandService commands;

    FleetCommandController(FleetCommandService commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send reload, restart, clear cache, screenshot or identify to displays, groups, tags or the whole organisation "
            + "(admins and owners); connected screens get it at once, offline ones when they reconnect until it expires. "
            + "Each display's progress is at GET /api/v1/displays/{displayId}/commands")
    Mono<FleetCommands.Issued> send(@AuthenticationPrincipal Object principal, @Valid @RequestBody CommandRequest request) {
        return commands.send(Callers.of(principal), request.command(), request.targets().targets(), request.lifetime());
    }
}
