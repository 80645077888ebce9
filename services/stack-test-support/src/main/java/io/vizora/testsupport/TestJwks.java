package io.vizora.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Stands in for the command service as the issuer of operators' tokens: an ES256 key served as a
 * JWKS over HTTP, which the projector fetches and verifies against exactly as it does in production.
 * Started before the first Spring context, once per test run.
 */
public final class TestJwks implements BeforeAllCallback {

    private static ECKey key;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts the key set's server once per JVM (outside JUnit too, as benchmarks do); its URI. */
    public static synchronized String start() throws Exception {
        if (key != null) {
            return System.getProperty("vizora.tokens.jwks-uri");
        }
        key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        var jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (var body = exchange.getResponseBody()) {
                body.write(jwks);
            } catch (IOException ignored) {
                // the client went away; nothing to clean up
            }
        });
        server.start();
        System.setProperty("vizora.tokens.jwks-uri", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        return System.getProperty("vizora.tokens.jwks-uri");
    }

    /** An operator's access token for an organisation, as the command service issues it. */
    public static String operator(UUID organisation, String role) {
        return sign(Duration.ofMinutes(10), claims -> claims.claim("org", organisation.toString()).claim("role", role));
    }

    /** An operator's access token for a given user. */
    public static String operator(UUID organisation, String role, UUID user) {
        return sign(Duration.ofMinutes(10), claims -> claims.subject(user.toString()).claim("org", organisation.toString()).claim("role", role));
    }

    /** A device's token: no role, the device audience, the display as subject. */
    public static String device(UUID organisation, UUID displayId) {
        return device(organisation, displayId, Duration.ofMinutes(10));
    }

    /** A device's token that expires after {@code lifetime}. */
    public static String device(UUID organisation, UUID displayId, Duration lifetime) {
        return sign(lifetime, claims -> claims.subject(displayId.toString()).claim("org", organisation.toString()).audience("vizora-device"));
    }

    public static String device(UUID organisation) {
        return device(organisation, UUID.randomUUID());
    }

    private static String sign(Duration lifetime, UnaryOperator<JWTClaimsSet.Builder> claims) {
        var now = Instant.now();
        var builder = new JWTClaimsSet.Builder().issuer("https://vizora.local").subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).claim("iat_ms", now.toEpochMilli()).expirationTime(Date.from(now.plus(lifetime))).jwtID(UUID.randomUUID().toString());
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.apply(builder).build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
