package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.application.AuthenticationService;
import io.vizora.command.identity.application.AuthenticationService.Tokens;
import io.vizora.command.identity.tokens.TokenProperties;
import io.vizora.command.web.DomainProblem;
import io.vizora.platform.openapi.NoCredentials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
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

    record RefreshRequest(@Size(max = 100) @Schema(description = "Absent when the refresh token is the session cookie (refreshIn=cookie)")
                          String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    /** Where the refresh token travels: in the answer's body (API clients), or as an httpOnly cookie (the console). */
    enum RefreshIn { body, cookie }

    private final AuthenticationService authentication;
    private final SessionCookie cookie;

    AuthController(AuthenticationService authentication, TokenProperties tokens) {
        this.authentication = authentication;
        this.cookie = new SessionCookie(tokens.refreshTokenLifetime());
    }

    @PostMapping("/login")
    @NoCredentials
    @Operation(summary = "Log in: a short-lived access token and a rotating refresh token")
    Mono<Tokens> logIn(@Valid @RequestBody LogInRequest request, @RequestParam(defaultValue = "body") RefreshIn refreshIn,
                       ServerWebExchange exchange) {
        return authentication.logIn(request.email(), request.password(), request.organisationId())
                .map(tokens -> handOut(tokens, refreshIn, exchange));
    }

    @PostMapping("/refresh")
    @NoCredentials
    @Operation(summary = "Trade a refresh token (in the body, or the session cookie) for new tokens; a token used twice ends its session everywhere")
    Mono<Tokens> refresh(@Valid @RequestBody RefreshRequest request, @RequestParam(defaultValue = "body") RefreshIn refreshIn,
                         ServerWebExchange exchange) {
        // a session held in the cookie stays in the cookie: its next token never reaches a script, whatever was asked
        var handOutIn = fromBody(request) ? refreshIn : RefreshIn.cookie;
        return presented(request, exchange)
                .flatMap(authentication::refresh)
                .map(tokens -> handOut(tokens, handOutIn, exchange));
    }

    @PostMapping("/logout")
    @NoCredentials
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session of a refresh token (in the body, or the session cookie, which is cleared)")
    Mono<Void> logOut(@Valid @RequestBody RefreshRequest request, ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie.cleared(exchange.getRequest()));
        return presented(request, exchange).flatMap(authentication::logOut);
    }

    /** The refresh token of the body, or else of the session cookie; a 401 without either. */
    private Mono<String> presented(RefreshRequest request, ServerWebExchange exchange) {
        var token = fromBody(request) ? request.refreshToken() : cookie.of(exchange.getRequest());
        return token == null ? Mono.error(new DomainProblem(HttpStatus.UNAUTHORIZED, "Not authenticated", "There is no session to refresh; log in."))
                : Mono.just(token);
    }

    private static boolean fromBody(RefreshRequest request) {
        return request.refreshToken() != null && !request.refreshToken().isBlank();
    }

    private Tokens handOut(Tokens tokens, RefreshIn refreshIn, ServerWebExchange exchange) {
        if (refreshIn == RefreshIn.body) {
            return tokens;
        }
        exchange.getResponse().addCookie(cookie.of(tokens.refreshToken(), exchange.getRequest()));
        return new Tokens(tokens.accessToken(), null, tokens.expiresIn());
    }
}
