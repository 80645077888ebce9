package io.vizora.consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies an event's effect once per event id for one named consumer: the dedup record and the
 * effect commit in one transaction, so a redelivered or replayed event changes nothing
 * (guarantee 3, docs/architecture.md), and a failed effect leaves no dedup record behind.
 */
public final class IdempotentApplier {

    private static final String RECORD = """
            INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
            ON CONFLICT DO NOTHING""";

    private final String consumer;
    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public IdempotentApplier(String consumer, DatabaseClient db, TransactionalOperator transaction) {
        this.consumer = consumer;
        this.db = db;
        this.transaction = transaction;
    }

    /** Emits true if the effect was applied now, false if this event was applied before. */
    public Mono<Boolean> apply(ConsumedEvent event, EventHandler handler) {
        return db.sql(RECORD).bind("consumer", consumer).bind("eventId", event.id())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.just(false)
                        : handler.apply(event, db).thenReturn(true))
                .as(transaction::transactional);
    }
}
