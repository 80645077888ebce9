package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.application.AuthenticationService;
import io.vizora.command.identity.application.AuthenticationService.Tokens;
import io.vizora.platform.openapi.NoCredentials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    record LogInRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) @Schema(format = "password") String password,
                        @Schema(description = "Which organisation to log in to, when the address has accounts in several "
                                + "(the 409 of a login without it lists them)") UUID organisationId) {

        @Override
        public String toString() {
            return "LogInRequest[email=" + email + "]";
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    private final AuthenticationService authentication;

    AuthController(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @PostMapping("/login")
    @NoCredentials
    @Operation(summary = "Log in: a short-lived access token and a rotating refresh token")
    Mono<Tokens> logIn(@Valid @RequestBody LogInRequest request) {
        return authentication.logIn(request.email(), request.password(), request.organisationId());
    }

    @PostMapping("/refresh")
    @NoCredentials
    @Operation(summary = "Trade a refresh token for new tokens; a token used twice ends its session everywhere")
    Mono<Tokens> refresh(@Valid @RequestBody RefreshRequest request) {
        return authentication.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @NoCredentials
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session of a refresh token")
    Mono<Void> logOut(@Valid @RequestBody RefreshRequest request) {
        return authentication.logOut(request.refreshToken());
    }
}
