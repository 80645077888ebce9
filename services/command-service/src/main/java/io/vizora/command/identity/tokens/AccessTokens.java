package io.vizora.command.identity.tokens;

import io.vizora.command.identity.domain.Role;

import java.util.UUID;

/** Issues short-lived ES256 access tokens naming the user, the organisation and the role. */
public class AccessTokens {

    public static final String ORGANISATION_CLAIM = "org";
    public static final String ROLE_CLAIM = "role";

    private final JwtSigner signer;
    private final TokenProperties properties;

    public AccessTokens(JwtSigner signer, TokenProperties properties) {
        this.signer = signer;
        this.properties = properties;
    }

    public String issue(UUID userId, UUID organisationId, Role role) {
        return signer.sign(userId.toString(), properties.accessTokenLifetime(), claims -> claims
                .claim(ORGANISATION_CLAIM, organisationId.toString())
                .claim(ROLE_CLAIM, role.code()));
    }

    public long lifetimeSeconds() {
        return properties.accessTokenLifetime().toSeconds();
    }
}
