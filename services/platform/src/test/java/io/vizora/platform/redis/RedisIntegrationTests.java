package io.vizora.platform.redis;

import io.vizora.platform.StackIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@StackIntegrationTest
class RedisIntegrationTests {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aValueSetOverLettuceIsReadBackUntilItExpires() {
        var key = "probe:" + UUID.randomUUID();
        var set = redis.opsForValue().set(key, "manifest-v1", Duration.ofMinutes(1)).block();

        assertThat(set).isTrue();
        assertThat(redis.opsForValue().get(key).block()).isEqualTo("manifest-v1");
        assertThat(redis.getExpire(key).block()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));

        redis.delete(key).block();
        assertThat(redis.opsForValue().get(key).block()).isNull();
    }
}
