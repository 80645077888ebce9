package io.vizora.platform.edge;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterIntegrationTests {

    /** A limiter on the test stack's Redis, as a service starting with these settings makes one. */
    private static RateLimiter limiter() {
        var uri = RedisURI.builder().withHost(System.getenv("VIZORA_REDIS_HOST")).withPort(Integer.parseInt(System.getenv("VIZORA_REDIS_PORT")));
        var password = System.getenv("VIZORA_REDIS_PASSWORD");
        if (password != null && !password.isEmpty()) {
            uri.withPassword(password.toCharArray());
        }
        return new RateLimiter(uri.build());
    }

    private static boolean allowed(RateLimiter limiter, String key, RateLimitProperties.Limit limit) {
        return limiter.consumeExactly(key, limit).block(Duration.ofSeconds(10)).isConsumed();
    }

    @Test
    void aLimitRaisedInTheSettingsAppliesAfterARestartToAClientThatKeptSending() {
        var key = "address:test-" + UUID.randomUUID();
        var strict = new RateLimitProperties.Limit(1, Duration.ofMinutes(1));
        try (var before = limiter()) {
            assertThat(allowed(before, key, strict)).isTrue();
            assertThat(allowed(before, key, strict)).isFalse();
        }

        var raised = new RateLimitProperties.Limit(100, Duration.ofMinutes(1));
        try (var after = limiter()) {
            assertThat(allowed(after, key, raised)).as("the raised limit, not the bucket the strict one made").isTrue();
            assertThat(allowed(after, key, raised)).isTrue();
            assertThat(allowed(after, key, strict)).as("the strict limit, still spent").isFalse();
        }
    }
}
