package io.vizora.command.identity.tokens;

import java.util.UUID;

/**
 * Issues device JWTs: the subject is the display, the audience {@value #AUDIENCE} keeps them off
 * the operator API, and they live a day (configurable) because the push gateway renews them over
 * the live connection; a device that was offline longer exchanges its device secret for a new one.
 */
public class DeviceTokens {

    public static final String AUDIENCE = "vizora-device";

    private final JwtSigner signer;
    private final TokenProperties properties;

    public DeviceTokens(JwtSigner signer, TokenProperties properties) {
        this.signer = signer;
        this.properties = properties;
    }

    public String issue(UUID displayId, UUID organisationId) {
        return signer.sign(displayId.toString(), properties.deviceTokenLifetime(), claims -> claims
                .audience(AUDIENCE)
                .claim(AccessTokens.ORGANISATION_CLAIM, organisationId.toString()));
    }

    public long lifetimeSeconds() {
        return properties.deviceTokenLifetime().toSeconds();
    }
}
