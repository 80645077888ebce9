package io.vizora.platform.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Requests allowed per period: per client address on every API route, per address on the
 * routes where secrets are guessed ({@code authenticationRoutes}, path patterns as the router
 * reads them), and per authenticated caller.
 */
@ConfigurationProperties("vizora.web.rate-limit")
public record RateLimitProperties(Limit perAddress, Limit authenticationPerAddress, Limit perUser, List<String> authenticationRoutes) {

    public RateLimitProperties {
        authenticationRoutes = authenticationRoutes == null ? List.of() : List.copyOf(authenticationRoutes);
    }

    public record Limit(long capacity, Duration period) {
    }
}
