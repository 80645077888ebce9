package io.vizora.platform.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Requests allowed per period: per client address on every API route, per address on the
 * routes where secrets are guessed ({@code authenticationRoutes}, path patterns as the router
 * reads them), and per authenticated caller. A request from one of the {@code trustedProxies}
 * (addresses or CIDR ranges; by default loopback, where the local stack's edge runs) counts for
 * the client the proxy says it forwards for, the last address of {@code X-Forwarded-For}.
 */
@ConfigurationProperties("vizora.web.rate-limit")
public record RateLimitProperties(Limit perAddress, Limit authenticationPerAddress, Limit perUser, List<String> authenticationRoutes,
                                  List<String> trustedProxies) {

    public RateLimitProperties {
        authenticationRoutes = authenticationRoutes == null ? List.of() : List.copyOf(authenticationRoutes);
        trustedProxies = trustedProxies == null ? List.of("127.0.0.0/8", "::1") : List.copyOf(trustedProxies);
    }

    public record Limit(long capacity, Duration period) {
    }
}
