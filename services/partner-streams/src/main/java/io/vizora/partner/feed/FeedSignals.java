package io.vizora.partner.feed;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.UUID;

/**
 * Which organisations' feeds just grew, as Postgres tells every instance ({@code LISTEN}) when an
 * append commits: long-polling readers and webhook delivery wake at once instead of polling.
 * Missing a signal (while reconnecting) only delays a reader until its wait ends.
 */
@Component
public class FeedSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedSignals.class);

    private final ConnectionFactory connections;
    private final Sinks.Many<UUID> grown = Sinks.many().multicast().directBestEffort();
    private volatile Disposable listening;

    public FeedSignals(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Emits whenever the organisation's feed grew. */
    public Flux<UUID> grown(UUID organisation) {
        return grown.asFlux().filter(organisation::equals);
    }

    public Flux<UUID> grown() {
        return grown.asFlux();
    }

    @Override
    public void start() {
        listening = Flux.usingWhen(Mono.from(connections.create()),
                        connection -> {
                            var postgres = postgres(connection);
                            return postgres.createStatement("LISTEN " + Feed.CHANNEL).execute()
                                    .flatMap(result -> result.getRowsUpdated()).thenMany(postgres.getNotifications());
                        },
                        Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(retry -> log.warn("listening for feed appends failed, again in a moment: {}", retry.failure().toString())))
                .subscribe(notification -> {
                    var organisation = notification.getParameter();
                    if (organisation != null) {
                        grown.tryEmitNext(UUID.fromString(organisation));
                    }
                });
    }

    private static PostgresqlConnection postgres(Connection connection) {
        Object unwrapped = connection;
        while (!(unwrapped instanceof PostgresqlConnection) && unwrapped instanceof Wrapped<?> wrapped) {
            unwrapped = wrapped.unwrap();
        }
        if (unwrapped instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("feed signals need a Postgres connection, got " + connection.getClass());
    }

    @Override
    public void stop() {
        if (listening != null) {
            listening.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null && !listening.isDisposed();
    }
}
