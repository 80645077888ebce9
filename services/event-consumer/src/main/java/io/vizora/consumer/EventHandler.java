package io.vizora.consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The effect of events on a Postgres read model. It runs inside the transaction that also records
 * the events as processed, so it must write to Postgres through the given client; whatever it
 * writes elsewhere (Redis, say) must be idempotent, since a failed batch is written again.
 */
@FunctionalInterface
public interface EventHandler {

    Mono<Void> apply(ConsumedEvent event, DatabaseClient db);

    /**
     * Whether events of this type have an effect here. The others are passed over once their type
     * is read: not checked against their schema (a consumer that folds them does that) and not
     * recorded as processed, so a projection pays nothing for the traffic of its topics it ignores.
     */
    default boolean folds(String type) {
        return true;
    }

    /**
     * True when every row this fold writes is keyed by its event's id and a repeat writes nothing
     * (an append-only log, say): the rows are then their own dedup record, and the consumer keeps
     * none beside them, which halves what such a fold writes.
     */
    default boolean keyedByEventId() {
        return false;
    }

    /**
     * Completes once every store this fold's effects write to besides the consumer's Postgres
     * (Redis, say) answers, and fails while one does not. Asked only after an effect failed: while
     * a store is away, the failure is not the event's, and the event waits instead of being
     * dead-lettered (ADR 0042).
     */
    default Mono<Void> otherStoresAnswer() {
        return Mono.empty();
    }

    /**
     * The effects of a batch's events not applied before, in the order they were read, in one
     * transaction. A fold that can write many events' rows in one statement overrides this; it
     * must leave the same state as applying them one by one.
     */
    default Mono<Void> applyAll(List<ConsumedEvent> events, DatabaseClient db) {
        return Flux.fromIterable(events).concatMap(event -> apply(event, db)).then();
    }
}
