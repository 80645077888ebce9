package io.vizora.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import io.vizora.platform.security.KeySets;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Devices connect with their device JWT (ES256, audience vizora-device, subject the display),
 * verified against the command service's key set by kid, issuer and expiry checked.
 */
@Component
public class DeviceAuthentication {

    /** A device as its token speaks for it, until {@code expiresAt}. */
    public record Device(UUID displayId, UUID organisationId, Instant expiresAt) {

        boolean same(Device other) {
            return displayId.equals(other.displayId) && organisationId.equals(other.organisationId);
        }
    }

    private static final String AUDIENCE = "vizora-device";

    private final NimbusReactiveJwtDecoder decoder;

    public DeviceAuthentication(@Value("${vizora.tokens.jwks-uri}") String jwksUri, @Value("${vizora.tokens.issuer}") String issuer) {
        decoder = KeySets.es256(jwksUri);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), DeviceAuthentication::device));
    }

    private static OAuth2TokenValidatorResult device(Jwt jwt) {
        return jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE) && jwt.getClaimAsString("org") != null
                && jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not a device token", null));
    }

    /** The device a bearer token speaks for; empty if there is no valid device token. */
    public Mono<Device> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Mono.empty();
        }
        return decoder.decode(authorization.substring("Bearer ".length()).strip())
                .map(jwt -> new Device(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString("org")), jwt.getExpiresAt()))
                .onErrorResume(failure -> Mono.empty());
    }
}
