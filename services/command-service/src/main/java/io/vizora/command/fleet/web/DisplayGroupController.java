package io.vizora.command.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.fleet.application.DisplayGroupService;
import io.vizora.command.fleet.persistence.DisplayGroupRepository.DisplayGroup;
import io.vizora.command.identity.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/display-groups")
@Tag(name = "Display groups")
class DisplayGroupController {

    record GroupRequest(@NotBlank @Size(max = 200) String name) {
    }

    private final DisplayGroupService groups;

    DisplayGroupController(DisplayGroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    @Operation(summary = "Create a display group (admins and owners)")
    Mono<ResponseEntity<DisplayGroup>> create(@AuthenticationPrincipal Object principal, @Valid @RequestBody GroupRequest request) {
        return groups.create(Callers.of(principal), request.name())
                .map(group -> ResponseEntity.created(URI.create("/api/v1/display-groups/" + group.groupId())).body(group));
    }

    @GetMapping
    @Operation(summary = "The organisation's display groups")
    Flux<DisplayGroup> list(@AuthenticationPrincipal Object principal) {
        return groups.list(Callers.of(principal));
    }

    @GetMapping("/{groupId}")
    @Operation(summary = "One display group; 404 outside the caller's organisation")
    Mono<DisplayGroup> get(@AuthenticationPrincipal Object principal, @PathVariable UUID groupId) {
        return groups.get(Callers.of(principal), groupId);
    }

    @PutMapping("/{groupId}")
    @Operation(summary = "Rename a display group")
    Mono<DisplayGroup> rename(@AuthenticationPrincipal Object principal, @PathVariable UUID groupId, @Valid @RequestBody GroupRequest request) {
        return groups.rename(Callers.of(principal), groupId, request.name());
    }

    @DeleteMapping("/{groupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a display group")
    Mono<Void> delete(@AuthenticationPrincipal Object principal, @PathVariable UUID groupId) {
        return groups.delete(Callers.of(principal), groupId);
    }
}
