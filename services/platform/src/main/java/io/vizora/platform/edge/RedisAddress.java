package io.vizora.platform.edge;

import io.lettuce.core.RedisURI;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

/**
 * Where the service's Redis is, for the clients the edge opens beside Spring's (the rate limiter,
 * the revocation mirror). A class of its own, not a method of {@link EdgeAutoConfiguration}: a
 * service without Redis on its classpath (the relay) could not load that class otherwise.
 */
final class RedisAddress {

    private RedisAddress() {
    }

    static RedisURI of(DataRedisProperties redis) {
        var uri = RedisURI.builder().withHost(redis.getHost()).withPort(redis.getPort());
        if (redis.getPassword() != null && !redis.getPassword().isEmpty()) {
            uri.withPassword(redis.getPassword().toCharArray());
        }
        return uri.build();
    }
}
