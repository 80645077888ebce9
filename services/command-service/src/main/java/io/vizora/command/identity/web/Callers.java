package io.vizora.command.identity.web;

import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.tokens.AccessTokens;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/** The user an access token speaks for; API keys are not users and get 403 on user endpoints. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Jwt token) {
        if (token == null) {
            throw Authorization.forbidden();
        }
        return new Caller(UUID.fromString(token.getSubject()),
                UUID.fromString(token.getClaimAsString(AccessTokens.ORGANISATION_CLAIM)),
                Role.fromCode(token.getClaimAsString(AccessTokens.ROLE_CLAIM)));
    }
}
