package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.tokens.AccessTokens;
import io.vizora.command.apikeys.domain.ApiKeyPrincipal;
import io.vizora.platform.security.Scope;
import io.vizora.platform.openapi.ApiSchemes;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Authentication")
class MeController {

    /** A user has a role, an API key has scopes. */
    record Me(String principal, UUID organisationId, String role, List<String> scopes) {
    }

    @GetMapping("/api/v1/me")
    @SecurityRequirement(name = ApiSchemes.OPERATOR)
    @SecurityRequirement(name = ApiSchemes.API_KEY)
    @Operation(summary = "Who the credentials say the caller is")
    Me me(Authentication authentication) {
        if (authentication.getPrincipal() instanceof ApiKeyPrincipal key) {
            return new Me(key.name(), key.organisationId(), null, key.scopes().stream().map(Scope::code).sorted().toList());
        }
        var token = (Jwt) authentication.getPrincipal();
        return new Me("user:" + token.getSubject(), UUID.fromString(token.getClaimAsString(AccessTokens.ORGANISATION_CLAIM)),
                token.getClaimAsString(AccessTokens.ROLE_CLAIM), List.of());
    }
}
