package io.vizora.command.identity;

import com.nimbusds.jwt.JWTParser;
import io.lettuce.core.RedisURI;
import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Organisations;
import io.vizora.platform.security.AccessRevocations;
import io.vizora.platform.security.RevocationLedger;
import io.vizora.platform.security.RevocationMirror;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Redis keeps nothing across a restart (ADR 0044). A demoted admin's access token, revoked before
 * Redis lost its data, must stay refused by a service that starts afterwards: otherwise it could
 * still do an admin's work, and create an API key that outlives every token, until it expires.
 */
@CommandServiceIntegrationTest
class RevocationsOutliveRedisIntegrationTests {

    private static final Duration KEPT = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private RevocationMirror mirror;

    @AfterEach
    void closeMirror() {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    void aRevocationRedisLostIsStoredAgainAndAServiceStartedAfterItStillRefusesTheTokenItVoided() {
        var organisation = Organisations.create(http);
        var admin = organisation.userIds().get("admin");
        var adminsToken = organisation.tokens().get("admin");
        http.put().uri("/api/v1/users/" + admin + "/role").header("Authorization", "Bearer " + organisation.tokens().get("owner"))
                .bodyValue(Map.of("role", "viewer")).exchange().expectStatus().isOk();
        var record = "vizora:access:user:" + admin;
        var revokedAt = redis.opsForValue().get(record).block(TIMEOUT);
        assertThat(revokedAt).isNotNull();

        // what a Redis restarted without its data holds of the revocations: nothing
        redis.delete(record, "vizora:revocations:stored").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> revokedAt.equals(redis.opsForValue().get(record).block(TIMEOUT)));
        var startedAfter = startedAfter();
        assertThatThrownBy(() -> startedAfter.guard(unverified()).decode(adminsToken).block(TIMEOUT)).isInstanceOf(JwtException.class);
    }

    /** The revocations of a service whose process starts now: its mirror reads what Redis holds. */
    private AccessRevocations startedAfter() {
        var uri = RedisURI.builder().withHost(System.getenv("VIZORA_REDIS_HOST")).withPort(Integer.parseInt(System.getenv("VIZORA_REDIS_PORT")));
        var password = System.getenv("VIZORA_REDIS_PASSWORD");
        if (password != null && !password.isEmpty()) {
            uri.withPassword(password.toCharArray());
        }
        mirror = AccessRevocations.mirror(uri.build(), KEPT, Clock.systemUTC());
        mirror.start();
        await().atMost(TIMEOUT).until(mirror::live);
        return new AccessRevocations(redis, mirror, KEPT, Clock.systemUTC(), RevocationLedger.NONE);
    }

    /** The token's claims as they are: the signature is not what this test is about. */
    private static ReactiveJwtDecoder unverified() {
        return token -> Mono.fromCallable(() -> {
            var claims = JWTParser.parse(token).getJWTClaimsSet();
            return Jwt.withTokenValue(token).header("alg", "ES256").subject(claims.getSubject())
                    .claim(AccessRevocations.ISSUED_MS, claims.getClaim(AccessRevocations.ISSUED_MS)).build();
        });
    }
}
