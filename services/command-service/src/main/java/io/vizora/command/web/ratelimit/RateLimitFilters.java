package io.vizora.command.web.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.vizora.command.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;

/**
 * Two filters over the API: by client address before authentication (so floods and password
 * guessing are refused early), by user after it. A refused request gets 429 with Retry-After.
 */
public final class RateLimitFilters {

    /** Where a flood guesses secrets or burns resources: log-ins, sign-ups, pairing codes, device secrets. */
    private static final Set<String> AUTHENTICATION_PATHS = Set.of("/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/organisations", "/api/v1/invitations/accept", "/device/v1/pairings", "/device/v1/token");

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ProblemResponses problems;

    public RateLimitFilters(RateLimiter limiter, RateLimitProperties limits, ProblemResponses problems) {
        this.limiter = limiter;
        this.limits = limits;
        this.problems = problems;
    }

    public WebFilter byAddress() {
        return (exchange, chain) -> {
            var path = exchange.getRequest().getPath().value();
            if (!path.startsWith("/api/") && !path.startsWith("/device/")) {
                return chain.filter(exchange);
            }
            var address = address(exchange);
            var general = limiter.consume("address:" + address, limits.perAddress());
            var verdict = AUTHENTICATION_PATHS.contains(path)
                    ? general.zipWith(limiter.consume("authentication:" + address, limits.authenticationPerAddress()), RateLimitFilters::stricter)
                    : general;
            return verdict.flatMap(probe -> probe.isConsumed() ? chain.filter(exchange) : refuse(exchange, probe));
        };
    }

    public WebFilter byUser() {
        // chain.filter completes empty, so "no user" must be decided before it, not by switchIfEmpty after
        return (exchange, chain) -> exchange.getPrincipal()
                .filter(principal -> principal instanceof Authentication authentication && authentication.isAuthenticated())
                .flatMap(principal -> limiter.consume("user:" + principal.getName(), limits.perUser()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(probe -> probe.isEmpty() || probe.get().isConsumed() ? chain.filter(exchange) : refuse(exchange, probe.get()));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe) {
        var seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry in " + seconds + " s.");
    }

    private static ConsumptionProbe stricter(ConsumptionProbe a, ConsumptionProbe b) {
        return !a.isConsumed() ? a : b;
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
