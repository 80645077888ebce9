package io.vizora.consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Applies events' effects once per event id for one named consumer: the dedup records and the
 * effects commit in one transaction, so a redelivered or replayed event changes nothing
 * (guarantee 3, docs/architecture.md), and a failed effect leaves no dedup record behind.
 */
public final class IdempotentApplier {

    private static final String RECORD = """
            INSERT INTO processed_event (consumer, event_id)
            SELECT :consumer, id FROM unnest(CAST(:ids AS uuid[])) AS id
            ON CONFLICT DO NOTHING RETURNING event_id""";

    private final String consumer;
    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public IdempotentApplier(String consumer, DatabaseClient db, TransactionalOperator transaction) {
        this.consumer = consumer;
        this.db = db;
        this.transaction = transaction;
    }

    /** Applies the event's effect unless it was applied before. */
    public Mono<Void> apply(ConsumedEvent event, EventHandler handler) {
        return applyAll(List.of(event), handler);
    }

    /**
     * Applies, in one transaction and in the given order, the events not applied before (an event
     * met twice in the list counts once). A fold whose rows are keyed by the event id keeps no
     * dedup record beside them: its own rows are the record.
     */
    public Mono<Void> applyAll(List<ConsumedEvent> events, EventHandler handler) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        if (handler.keyedByEventId()) {
            var once = new LinkedHashMap<UUID, ConsumedEvent>();
            events.forEach(event -> once.putIfAbsent(event.id(), event));
            return handler.applyAll(List.copyOf(once.values()), db).as(transaction::transactional);
        }
        var ids = events.stream().map(event -> event.id().toString()).toArray(String[]::new);
        return db.sql(RECORD).bind("consumer", consumer).bind("ids", ids)
                .map(row -> row.get(0, UUID.class)).all().collectList()
                .flatMap(inserted -> {
                    var fresh = new HashSet<>(inserted);
                    var now = events.stream().filter(event -> fresh.remove(event.id())).toList();
                    return now.isEmpty() ? Mono.<Void>empty() : handler.applyAll(now, db);
                })
                .as(transaction::transactional);
    }
}
