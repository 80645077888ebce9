package io.vizora.projector;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The consumer groups are named {@code <generation>-<projection>}. The generation is recorded in
 * the projector's schema when it is created, so dropping the schema (a rebuild) starts a new one
 * that reads every topic from the beginning; {@code generation} overrides it (tests). The Redis
 * prefix lets a second projector build its models beside a live one. {@code member} is the name
 * this process keeps across restarts, if it has one (static group membership, ADR 0022).
 */
@ConfigurationProperties("vizora.projector")
public record ProjectorProperties(String generation, int concurrency, String redisPrefix, String member) {

    public ProjectorProperties {
        concurrency = concurrency <= 0 ? 1 : concurrency;
        redisPrefix = redisPrefix == null || redisPrefix.isBlank() ? "vizora:" : redisPrefix;
    }

    /** The device protocol's keys under this projector's prefix. */
    public io.vizora.device.RedisLayout redis() {
        return new io.vizora.device.RedisLayout(redisPrefix);
    }
}
