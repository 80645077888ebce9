package io.vizora.command.web.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Requests allowed per period: per client address on every API route, per address on the
 * authentication routes (where guessing happens), and per authenticated user.
 */
@ConfigurationProperties("vizora.web.rate-limit")
public record RateLimitProperties(Limit perAddress, Limit authenticationPerAddress, Limit perUser) {

    public record Limit(long capacity, Duration period) {
    }
}
