package io.vizora.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/** The organisation a read speaks for, whoever reads: an operator's access token or a partner's API key. */
public final class Organisations {

    private Organisations() {
    }

    /** The authenticated principal's organisation: every query is scoped by it. */
    public static UUID of(Object principal) {
        return switch (principal) {
            case Jwt token -> OperatorTokens.organisation(token);
            case ApiKeyDirectory.Holder key -> key.organisationId();
            default -> throw new IllegalStateException("no organisation for a " + principal.getClass().getSimpleName());
        };
    }
}
