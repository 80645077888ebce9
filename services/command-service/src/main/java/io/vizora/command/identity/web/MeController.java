package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.tokens.AccessTokens;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "Authentication")
class MeController {

    record Me(UUID userId, UUID organisationId, String role) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the access token says the caller is")
    Me me(@AuthenticationPrincipal Jwt token) {
        return new Me(UUID.fromString(token.getSubject()), UUID.fromString(token.getClaimAsString(AccessTokens.ORGANISATION_CLAIM)),
                token.getClaimAsString(AccessTokens.ROLE_CLAIM));
    }
}
