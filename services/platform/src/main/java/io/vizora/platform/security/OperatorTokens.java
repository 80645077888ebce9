package io.vizora.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.util.UUID;

/**
 * Operators' access tokens as services other than the command service read them: ES256, verified
 * against the command service's key set by kid (so key rotation needs nothing here), issuer and
 * expiry checked. Tokens without a role or organisation (device tokens) are refused.
 */
public final class OperatorTokens {

    public static final String ORGANISATION = "org";
    public static final String ROLE = "role";

    private OperatorTokens() {
    }

    public static ReactiveJwtDecoder decoder(String jwksUri, String issuer) {
        var decoder = KeySets.es256(jwksUri);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), OperatorTokens::operator));
        return decoder;
    }

    private static OAuth2TokenValidatorResult operator(Jwt jwt) {
        return jwt.getClaimAsString(ROLE) != null && jwt.getClaimAsString(ORGANISATION) != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not an operator's access token", null));
    }

    /** The organisation the token speaks for: every query is scoped by it. */
    public static UUID organisation(Jwt token) {
        return UUID.fromString(token.getClaimAsString(ORGANISATION));
    }

    public static String role(Jwt token) {
        return token.getClaimAsString(ROLE);
    }
}
