package io.vizora.command.identity.web;

import io.vizora.command.apikeys.domain.ApiKeyPrincipal;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.domain.ScopeGrants;
import io.vizora.command.identity.tokens.AccessTokens;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/** Who a request speaks for: the user of an operator's access token, or the partner of an API key. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Object principal) {
        return switch (principal) {
            case Jwt token -> new Caller.User(UUID.fromString(token.getSubject()),
                    UUID.fromString(token.getClaimAsString(AccessTokens.ORGANISATION_CLAIM)),
                    Role.fromCode(token.getClaimAsString(AccessTokens.ROLE_CLAIM)));
            case ApiKeyPrincipal key -> new Caller.Partner(key.apiKeyId(), key.organisationId(), ScopeGrants.of(key.scopes()));
            case null, default -> throw Authorization.forbidden();
        };
    }
}
