package io.vizora.platform.security;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.vizora.platform.StackIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Two services' revocations on the test stack's Redis, each with its own mirror, as two processes have. */
@StackIntegrationTest
class AccessRevocationsIntegrationTests {

    private static final Duration KEPT = Duration.ofHours(1);

    @Autowired
    ReactiveStringRedisTemplate redis;

    private final List<RevocationMirror> mirrors = new ArrayList<>();

    @AfterEach
    void closeMirrors() {
        mirrors.forEach(RevocationMirror::close);
    }

    @Test
    void aUserRevokedByOneServiceIsRefusedByAnotherFromItsMirror() {
        var commands = service("commands");
        var projector = service("projector");
        var user = UUID.randomUUID();
        var token = tokenOf(user, Instant.now().minusSeconds(1));

        assertThat(decode(projector, token).getSubject()).isEqualTo(user.toString());
        commands.revocations().revokeUser(user).block(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> decode(projector, token)).isInstanceOf(JwtException.class));
        assertThat(projector.mirror().live()).as("answered from memory").isTrue();
        assertThat(decode(projector, tokenOf(user, Instant.now().plusSeconds(1))).getSubject())
                .as("a token issued after the revocation").isEqualTo(user.toString());
    }

    @Test
    void aMirrorThatLostItsConnectionCatchesUpOnWhatItMissedBeforeItAnswersAgain() {
        var name = "mirror-" + UUID.randomUUID();
        var projector = service(name);
        var user = UUID.randomUUID();
        var token = tokenOf(user, Instant.now().minusSeconds(1));
        // a revocation whose message this mirror never receives, as one published while it was disconnected
        redis.opsForValue().set("vizora:access:user:" + user, Long.toString(Instant.now().toEpochMilli()), KEPT).block();
        assertThat(decode(projector, token).getSubject()).as("the live mirror answers from memory, not from Redis").isEqualTo(user.toString());

        killSubscription(name);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> decode(projector, token)).isInstanceOf(JwtException.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> projector.mirror().live());
        assertThatThrownBy(() -> decode(projector, token)).as("from the mirror again, which read the stored records").isInstanceOf(JwtException.class);
    }

    /**
     * While a mirror is not live (its connection to a Redis that restarted without its data is
     * being made again, say), Redis may have forgotten a revocation the mirror still holds: the
     * check must take the mirror's word too (ADR 0044).
     */
    @Test
    void aMirrorThatIsNotLiveStillRefusesWhatItRemembersWhenRedisForgotIt() {
        var unreachable = RedisURI.builder(redisUri("unreachable")).withPort(1).build();
        var mirror = AccessRevocations.mirror(unreachable, KEPT, Clock.systemUTC());
        mirrors.add(mirror);
        mirror.start();
        var service = new Service(new AccessRevocations(redis, mirror, KEPT, Clock.systemUTC(), RevocationLedger.NONE), mirror);
        var user = UUID.randomUUID();
        var token = tokenOf(user, Instant.now().minusSeconds(1));

        service.revocations().revokeUser(user).block(Duration.ofSeconds(5));
        redis.delete("vizora:access:user:" + user).block(Duration.ofSeconds(5));

        assertThat(mirror.live()).isFalse();
        assertThatThrownBy(() -> decode(service, token)).isInstanceOf(JwtException.class);
    }

    private record Service(AccessRevocations revocations, RevocationMirror mirror) {
    }

    private Service service(String clientName) {
        var mirror = AccessRevocations.mirror(redisUri(clientName), KEPT, Clock.systemUTC());
        mirrors.add(mirror);
        mirror.start();
        await().atMost(Duration.ofSeconds(10)).until(mirror::live);
        return new Service(new AccessRevocations(redis, mirror, KEPT, Clock.systemUTC(), RevocationLedger.NONE), mirror);
    }

    private static Jwt decode(Service service, Jwt token) {
        ReactiveJwtDecoder asIs = value -> Mono.just(token);
        return service.revocations().guard(asIs).decode(token.getTokenValue()).block(Duration.ofSeconds(5));
    }

    private static Jwt tokenOf(UUID user, Instant issued) {
        return Jwt.withTokenValue("token-of-" + user).header("alg", "ES256").subject(user.toString())
                .issuedAt(issued).claim(AccessRevocations.ISSUED_MS, issued.toEpochMilli()).build();
    }

    /** Drops the named mirror's subscription on the server's side, as a network failure or a Redis restart would. */
    private static void killSubscription(String clientName) {
        var client = RedisClient.create(redisUri("killer"));
        try (var connection = client.connect()) {
            var commands = connection.sync();
            var id = commands.clientList().lines().filter(line -> line.contains(" name=" + clientName + " ") && !line.contains(" sub=0 "))
                    .map(line -> line.split(" ")[0].substring("id=".length())).findFirst().orElseThrow();
            commands.clientKill(KillArgs.Builder.id(Long.parseLong(id)));
        } finally {
            client.shutdown();
        }
    }

    private static RedisURI redisUri(String clientName) {
        var uri = RedisURI.builder().withHost(System.getenv("VIZORA_REDIS_HOST")).withPort(Integer.parseInt(System.getenv("VIZORA_REDIS_PORT")))
                .withClientName(clientName);
        var password = System.getenv("VIZORA_REDIS_PASSWORD");
        if (password != null && !password.isEmpty()) {
            uri.withPassword(password.toCharArray());
        }
        return uri.build();
    }
}
