package io.vizora.projector.query;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/** The organisation an operator's access token speaks for: every query is scoped by it. */
final class Callers {

    static final String ORGANISATION = "org";
    static final String ROLE = "role";

    private Callers() {
    }

    static UUID organisation(Jwt token) {
        return UUID.fromString(token.getClaimAsString(ORGANISATION));
    }
}
