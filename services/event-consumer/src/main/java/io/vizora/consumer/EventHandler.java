package io.vizora.consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The effect of events on a Postgres read model. It runs inside the transaction that also records
 * the events as processed, so it must write through the given client and nothing else.
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
     * The effects of a batch's events not applied before, in the order they were read, in one
     * transaction. A fold that can write many events' rows in one statement overrides this; it
     * must leave the same state as applying them one by one.
     */
    default Mono<Void> applyAll(List<ConsumedEvent> events, DatabaseClient db) {
        return Flux.fromIterable(events).concatMap(event -> apply(event, db)).then();
    }
}
