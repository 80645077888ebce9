package io.vizora.command.web;

import io.vizora.platform.edge.ProblemWriter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Admission of the API's commands (every method but GET, HEAD and OPTIONS under {@code /api/}): at
 * most {@code concurrency} run at once, up to {@code queue} more wait at most {@code max-wait} for a
 * turn, and any beyond are refused at once with 503 and Retry-After (ADR 0023 addendum).
 * <p>
 * Without it, a thousand commands at once all start: each waits for a database connection, then
 * holds it while the saturated event loops get round to its statements, so the few served take
 * seconds and the rest queue until their clients give up (socket errors, not answers). With it,
 * the transactions being served are few and short, and every other caller hears within that wait.
 * The line of waiters is reactor-pool's: an asynchronous semaphore with a bound and a deadline.
 * Reads are not admitted here: they hold a connection for one query, and the pool's own deadline
 * ({@code spring.r2dbc.pool.max-acquire-time}) bounds them.
 */
final class CommandAdmission implements WebFilter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /**
     * {@code exemptRoutes}: commands whose time is the client's, not the service's: a file's bytes
     * streamed to storage take as long as the client's link does, and sixteen slow uploads must
     * not hold every other command back. Their size is bounded by the content rules instead.
     */
    @ConfigurationProperties("vizora.web.admission")
    record Settings(int concurrency, int queue, Duration maxWait, List<String> exemptRoutes) {

        Settings {
            if (concurrency < 1 || queue < 0 || maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("vizora.web.admission: concurrency must be at least 1, queue at least 0, max-wait above zero (reactor-pool reads zero as no deadline)");
            }
            exemptRoutes = exemptRoutes == null ? List.of() : List.copyOf(exemptRoutes);
        }
    }

    private final InstrumentedPool<Boolean> turns;
    private final Duration maxWait;
    private final List<PathPattern> exempt;
    private final ProblemWriter problems;

    CommandAdmission(Settings settings, ProblemWriter problems) {
        this.turns = PoolBuilder.from(Mono.just(Boolean.TRUE))
                .sizeBetween(0, settings.concurrency())
                .maxPendingAcquire(settings.queue())
                .buildPool();
        this.maxWait = settings.maxWait();
        this.exempt = settings.exemptRoutes().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication();
        if (READS.contains(request.getMethod()) || !path.value().startsWith("/api/") || exempt.stream().anyMatch(route -> route.matches(path))) {
            return chain.filter(exchange);
        }
        // only the wait for a turn is answered with 503 here; what the command itself raises is the controllers' to answer
        return turns.acquire(maxWait)
                .map(Optional::of)
                .onErrorResume(CommandAdmission::refused, refused -> Mono.just(Optional.empty()))
                .flatMap(turn -> turn.isPresent()
                        ? Mono.usingWhen(Mono.just(turn.get()), running -> chain.filter(exchange), PooledRef::release)
                        : busy(exchange));
    }

    /** Commands running now and commands waiting for a turn: what an operator watches under load. */
    int running() {
        return turns.metrics().acquiredSize();
    }

    int waiting() {
        return turns.metrics().pendingAcquireSize();
    }

    private static boolean refused(Throwable error) {
        return error instanceof PoolAcquirePendingLimitException || error instanceof PoolAcquireTimeoutException;
    }

    private Mono<Void> busy(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Busy.RETRY_AFTER_SECONDS);
        return problems.write(exchange, Busy.problem(ProblemWriter.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "")));
    }
}
