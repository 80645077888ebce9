package io.vizora.platform.edge;

import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Two filters over every route but the actuator's: by client address before authentication (so
 * floods and secret guessing are refused early), by caller after it. A refused request gets 429
 * with Retry-After.
 *
 * <p>Routes are recognised the way the router recognises them, by path patterns matched against
 * the decoded path segments: {@code /api/v1/auth/%6Cogin} and {@code /api/v1/auth/login;x} are the
 * log-in route here as they are to the controller, so no spelling of a path escapes its limit.
 */
public final class RateLimits {

    private static final PathPattern ACTUATOR = PathPatternParser.defaultInstance.parse("/actuator/**");

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ProblemWriter problems;
    private final List<PathPattern> authenticationRoutes;
    private final List<AddressRange> trustedProxies;

    public RateLimits(RateLimiter limiter, RateLimitProperties limits, ProblemWriter problems) {
        this.limiter = limiter;
        this.limits = limits;
        this.problems = problems;
        this.authenticationRoutes = limits.authenticationRoutes().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.trustedProxies = limits.trustedProxies().stream().map(AddressRange::of).toList();
    }

    public WebFilter byAddress() {
        return (exchange, chain) -> {
            var path = exchange.getRequest().getPath().pathWithinApplication();
            if (ACTUATOR.matches(path)) {
                return chain.filter(exchange);
            }
            return address(exchange).flatMap(address -> {
                var general = limiter.consume("address:" + address, limits.perAddress());
                var verdict = isAuthentication(path)
                        ? general.zipWith(limiter.consumeExactly("authentication:" + address, limits.authenticationPerAddress()), RateLimits::stricter)
                        : general;
                return verdict.flatMap(probe -> probe.isConsumed() ? chain.filter(exchange) : refuse(exchange, probe));
            });
        };
    }

    public WebFilter byCaller() {
        // chain.filter completes empty, so "no caller" must be decided before it, not by switchIfEmpty after
        return (exchange, chain) -> exchange.getPrincipal()
                .filter(principal -> principal instanceof Authentication authentication && authentication.isAuthenticated())
                .flatMap(principal -> limiter.consume("user:" + principal.getName(), limits.perUser()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(probe -> probe.isEmpty() || probe.get().isConsumed() ? chain.filter(exchange) : refuse(exchange, probe.get()));
    }

    /** Whether the router would take this path to one of the authentication routes. */
    boolean isAuthentication(PathContainer path) {
        return authenticationRoutes.stream().anyMatch(route -> route.matches(path));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe) {
        var seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry in " + seconds + " s.");
    }

    private static ConsumptionProbe stricter(ConsumptionProbe a, ConsumptionProbe b) {
        return !a.isConsumed() ? a : b;
    }

    /**
     * The client's address: the peer's, or, when the peer is a trusted proxy (the edge), the last
     * address of X-Forwarded-For, which that proxy appended. Earlier entries came from the client
     * and prove nothing; anyone else's X-Forwarded-For is ignored.
     */
    private Mono<String> address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return Mono.just("unknown");
        }
        var peer = remote.getAddress().getHostAddress();
        var forwarded = exchange.getRequest().getHeaders().get(FORWARDED_FOR);
        if (forwarded == null || forwarded.isEmpty()) {
            return Mono.just(peer);
        }
        var hops = String.join(",", forwarded).split(",");
        var client = hops[hops.length - 1].strip();
        var trusted = trustedProxies.stream().anyMatch(range -> range.contains(remote.getAddress()));
        return Mono.just(trusted && !client.isEmpty() ? client : peer);
    }
}
