package io.vizora.command.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import io.vizora.platform.security.AccessRevocations;

import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Signs every JWT Vizora issues (operators' and devices') with the ring's current ES256 key, its
 * kid in the header, so one JWKS verifies them all and a rotation needs no coordination.
 */
public class JwtSigner {

    private final SigningKeyRing keys;
    private final String issuer;
    private final Clock clock;

    public JwtSigner(SigningKeyRing keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A token for {@code subject} valid for {@code lifetime}, with the claims {@code claims} adds. */
    public String sign(String subject, Duration lifetime, UnaryOperator<JWTClaimsSet.Builder> claims) {
        var now = clock.instant();
        var builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(now))
                // iat counts whole seconds; revocations compare to the millisecond (AccessRevocations)
                .claim(AccessRevocations.ISSUED_MS, now.toEpochMilli())
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        var key = keys.signingKey();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.apply(builder).build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }
}
