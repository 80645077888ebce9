package io.vizora.consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The effect of an event on a Postgres read model. It runs inside the transaction that also
 * records the event as processed, so it must write through the given client and nothing else.
 */
@FunctionalInterface
public interface EventHandler {

    Mono<Void> apply(ConsumedEvent event, DatabaseClient db);
}
