package io.vizora.command.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vizora.command.identity.domain.Role;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/** Issues short-lived ES256 access tokens naming the user, the organisation and the role. */
public class AccessTokens {

    public static final String ORGANISATION_CLAIM = "org";
    public static final String ROLE_CLAIM = "role";

    private final SigningKeyRing keys;
    private final TokenProperties properties;
    private final Clock clock;

    public AccessTokens(SigningKeyRing keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(UUID userId, UUID organisationId, Role role) {
        var now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(userId.toString())
                .claim(ORGANISATION_CLAIM, organisationId.toString())
                .claim(ROLE_CLAIM, role.code())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var key = keys.signingKey();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return jwt.serialize();
    }

    public long lifetimeSeconds() {
        return properties.accessTokenLifetime().toSeconds();
    }
}
