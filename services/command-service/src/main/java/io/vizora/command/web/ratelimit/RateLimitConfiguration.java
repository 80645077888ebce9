package io.vizora.command.web.ratelimit;

import io.lettuce.core.RedisURI;
import io.vizora.command.web.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    RateLimiter rateLimiter(DataRedisProperties redis) {
        var uri = RedisURI.builder().withHost(redis.getHost()).withPort(redis.getPort());
        if (redis.getPassword() != null && !redis.getPassword().isEmpty()) {
            uri.withPassword(redis.getPassword().toCharArray());
        }
        return new RateLimiter(uri.build());
    }

    @Bean
    RateLimitFilters rateLimitFilters(RateLimiter limiter, RateLimitProperties limits, ProblemResponses problems) {
        return new RateLimitFilters(limiter, limits, problems);
    }

    /** Before Spring Security's filter chain (order -100). */
    @Bean
    @Order(-200)
    WebFilter rateLimitByAddress(RateLimitFilters filters) {
        return filters.byAddress();
    }

    /** After it, when the user is known. */
    @Bean
    @Order(0)
    WebFilter rateLimitByUser(RateLimitFilters filters) {
        return filters.byUser();
    }
}
