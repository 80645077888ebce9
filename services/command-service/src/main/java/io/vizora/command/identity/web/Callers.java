package io.vizora.command.identity.web;

import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.tokens.AccessTokens;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Locale;
import java.util.UUID;

/** The caller an access token speaks for. */
final class Callers {

    private Callers() {
    }

    static Caller of(Jwt token) {
        return new Caller(UUID.fromString(token.getSubject()),
                UUID.fromString(token.getClaimAsString(AccessTokens.ORGANISATION_CLAIM)),
                Role.valueOf(token.getClaimAsString(AccessTokens.ROLE_CLAIM).toUpperCase(Locale.ROOT)));
    }
}
