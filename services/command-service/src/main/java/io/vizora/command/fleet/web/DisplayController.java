package io.vizora.command.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.fleet.application.DisplayService;
import io.vizora.command.fleet.application.ScreenshotService;
import io.vizora.command.fleet.domain.DisplayProfile;
import io.vizora.command.fleet.persistence.DisplayRepository.Display;
import io.vizora.command.identity.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/displays")
@Tag(name = "Displays")
class DisplayController {

    record PairRequest(@NotBlank @Size(max = 20) String pairingCode, @NotBlank @Size(max = 200) String name,
                       @NotBlank @Size(max = 64) String timeZone, @Size(max = DisplayProfile.MAX_GROUPS) List<@NotNull UUID> groupIds,
                       @Size(max = DisplayProfile.MAX_TAGS) List<@NotNull @Size(max = 63) String> tags, UUID defaultPlaylistId) {

        DisplayProfile profile() {
            return DisplayProfile.of(name, timeZone, groupIds == null ? List.of() : groupIds, tags == null ? List.of() : tags);
        }
    }

    record UpdateRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String timeZone,
                         @NotNull @Size(max = DisplayProfile.MAX_GROUPS) List<@NotNull UUID> groupIds,
                         @NotNull @Size(max = DisplayProfile.MAX_TAGS) List<@NotNull @Size(max = 63) String> tags,
                         UUID defaultPlaylistId) {

        DisplayProfile profile() {
            return DisplayProfile.of(name, timeZone, groupIds, tags);
        }
    }

    private final DisplayService displays;
    private final ScreenshotService screenshots;

    DisplayController(DisplayService displays, ScreenshotService screenshots) {
        this.displays = displays;
        this.screenshots = screenshots;
    }

    @PostMapping
    @Operation(summary = "Pair the screen showing a pairing code as a display (admins and owners)")
    Mono<ResponseEntity<Display>> pair(@AuthenticationPrincipal Object principal, @Valid @RequestBody PairRequest request) {
        return displays.pair(Callers.of(principal), request.pairingCode(), request::profile, request.defaultPlaylistId())
                .map(display -> ResponseEntity.created(URI.create("/api/v1/displays/" + display.displayId())).body(display));
    }

    @GetMapping
    @Operation(summary = "The organisation's displays, optionally only a group's or a tag's")
    Flux<Display> list(@AuthenticationPrincipal Object principal, @RequestParam(required = false) UUID groupId,
                       @RequestParam(required = false) @Size(max = 63) String tag) {
        return displays.list(Callers.of(principal), groupId, tag);
    }

    @GetMapping("/{displayId}")
    @Operation(summary = "One display; 404 outside the caller's organisation")
    Mono<Display> get(@AuthenticationPrincipal Object principal, @PathVariable UUID displayId) {
        return displays.get(Callers.of(principal), displayId);
    }

    @GetMapping("/{displayId}/screenshots")
    @Operation(summary = "The display's screenshots, newest first, each with a link to the image that works for 15 minutes")
    Flux<ScreenshotService.Listed> screenshots(@AuthenticationPrincipal Object principal, @PathVariable UUID displayId,
                                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return screenshots.list(Callers.of(principal), displayId, limit);
    }

    @PutMapping("/{displayId}")
    @Operation(summary = "Rename, re-zone, move between groups, re-tag or set the default playlist of a display: the body replaces its profile")
    Mono<Display> update(@AuthenticationPrincipal Object principal, @PathVariable UUID displayId, @Valid @RequestBody UpdateRequest request) {
        return displays.update(Callers.of(principal), displayId, request::profile, request.defaultPlaylistId());
    }

    @DeleteMapping("/{displayId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unpair a display: its device credentials stop working at once")
    Mono<Void> unpair(@AuthenticationPrincipal Object principal, @PathVariable UUID displayId) {
        return displays.unpair(Callers.of(principal), displayId);
    }
}
