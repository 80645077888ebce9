package io.vizora.outbox;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/**
 * Appends a command's events to the outbox. It must run inside the command's reactive transaction
 * (a {@code TransactionalOperator} or {@code @Transactional} around the command), so the events
 * commit with the state change or not at all: no dual write (guarantee 1, docs/architecture.md).
 */
public final class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox (id, topic, aggregate_id, type, tenant_id, payload)
            VALUES (:id, :topic, :aggregateId, :type, :tenantId, :payload)""";

    private final DatabaseClient db;
    private final CloudEventEncoder encoder;

    public OutboxWriter(DatabaseClient db, CloudEventEncoder encoder) {
        this.db = db;
        this.encoder = encoder;
    }

    /** Appends one event; emits its id. Fails, writing nothing, if the event breaks its schema. */
    public Mono<UUID> append(OutboxEvent event) {
        return Mono.fromCallable(() -> encoder.encode(event))
                .flatMap(encoded -> db.sql(INSERT)
                        .bind("id", encoded.id())
                        .bind("topic", encoded.topic())
                        .bind("aggregateId", event.aggregateId())
                        .bind("type", event.type())
                        .bind("tenantId", event.tenantId())
                        .bind("payload", Json.of(encoded.cloudEvent()))
                        .then()
                        .thenReturn(encoded.id()));
    }

    /** Appends events in order; emits their ids in the same order. */
    public Mono<List<UUID>> appendAll(List<OutboxEvent> events) {
        return Flux.fromIterable(events).concatMap(this::append).collectList();
    }
}
