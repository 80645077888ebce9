package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.web.validation.ContractEmail;
import io.vizora.command.identity.application.UserService;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.persistence.IdentityRepository.UserView;
import io.vizora.platform.openapi.NoCredentials;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

@RestController
@Tag(name = "Users")
class UserController {

    record InviteRequest(@NotBlank @ContractEmail @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName, @NotNull Role role) {
    }

    /** The invitation token is shown once, here; until email delivery exists the inviter passes it on. */
    record InviteResponse(UUID userId, String invitationToken) {
    }

    record AcceptRequest(@NotBlank @Size(max = 100) String invitationToken, @NotNull @Size(min = 12, max = 128) String password) {

        @Override
        public String toString() {
            return "AcceptRequest[]";
        }
    }

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Invite a user into the caller's organisation with a role (owners and admins)")
    Mono<ResponseEntity<InviteResponse>> invite(@AuthenticationPrincipal Object principal, @Valid @RequestBody InviteRequest request) {
        return users.invite(Callers.of(principal), request.email(), request.displayName(), request.role())
                .map(invitation -> ResponseEntity.created(URI.create("/api/v1/users/" + invitation.userId()))
                        .body(new InviteResponse(invitation.userId(), invitation.token())));
    }

    @PostMapping("/api/v1/invitations/accept")
    @NoCredentials
    @Operation(summary = "Accept an invitation by choosing a password")
    Mono<UserView> accept(@Valid @RequestBody AcceptRequest request) {
        return users.accept(request.invitationToken(), request.password());
    }

    record RoleRequest(@NotNull Role role) {
    }

    @PutMapping("/api/v1/users/{userId}/role")
    @Operation(summary = "Change a user's role (owners and admins; only owners touch owners; one owner always stays)")
    Mono<UserView> changeRole(@AuthenticationPrincipal Object principal, @PathVariable UUID userId, @Valid @RequestBody RoleRequest request) {
        return users.changeRole(Callers.of(principal), userId, request.role());
    }

    @DeleteMapping("/api/v1/users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a user from the organisation; their sessions end at once")
    Mono<Void> remove(@AuthenticationPrincipal Object principal, @PathVariable UUID userId) {
        return users.remove(Callers.of(principal), userId);
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "The users of the caller's organisation")
    Flux<UserView> list(@AuthenticationPrincipal Object principal) {
        return users.users(Callers.of(principal));
    }

    @GetMapping("/api/v1/users/{userId}")
    @Operation(summary = "One user of the caller's organisation; 404 for any other")
    Mono<UserView> get(@AuthenticationPrincipal Object principal, @PathVariable UUID userId) {
        return users.user(Callers.of(principal), userId);
    }
}
