package io.vizora.command.identity.tokens;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    private Mono<Jwt> verify(String token) {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new JwtException("signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "ES256").subject("someone")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(Long.parseLong(token.split(":")[1]))).build());
    }

    @Test
    void aVerifiedTokenIsVerifiedOnceWhileItLives() {
        var cache = new VerifiedTokenCache(this::verify, Clock.fixed(NOW, ZoneOffset.UTC), 10);

        assertThat(cache.decode("good:600").block().getSubject()).isEqualTo("someone");
        assertThat(cache.decode("good:600").block().getSubject()).isEqualTo("someone");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgainAndARefusedOneIsNeverRemembered() {
        var clock = new Clock() {
            Instant now = NOW;

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        var cache = new VerifiedTokenCache(this::verify, clock, 10);
        cache.decode("good:60").block();
        clock.now = NOW.plusSeconds(61);
        cache.decode("good:60").block();
        assertThat(verifications).hasValue(2);

        assertThatThrownBy(() -> cache.decode("bad:600").block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode("bad:600").block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(4);
    }
}
