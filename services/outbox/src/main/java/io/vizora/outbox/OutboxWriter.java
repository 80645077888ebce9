package io.vizora.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.UUID;

/**
 * Appends a command's events to the outbox. It must run inside the command's reactive transaction
 * (a {@code TransactionalOperator} or {@code @Transactional} around the command), so the events
 * commit with the state change or not at all: no dual write (guarantee 1, docs/architecture.md).
 */
public final class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox (id, topic, aggregate_id, type, tenant_id, payload)
            SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:topics AS text[]), CAST(:aggregateIds AS text[]),
                                 CAST(:types AS text[]), CAST(:tenantIds AS uuid[]), CAST(:payloads AS jsonb[]))""";

    private final DatabaseClient db;
    private final CloudEventEncoder encoder;

    public OutboxWriter(DatabaseClient db, CloudEventEncoder encoder) {
        this.db = db;
        this.encoder = encoder;
    }

    /** Appends one event; emits its id. Fails, writing nothing, if the event breaks its schema. */
    public Mono<UUID> append(OutboxEvent event) {
        return appendAll(List.of(event)).map(List::getFirst);
    }

    /**
     * Appends events in order with one statement; emits their ids in the same order. Fails, writing
     * nothing, if any breaks its schema. Encoding and validating is CPU work, done on the parallel
     * scheduler so that it never holds up the event loop serving requests and database replies.
     */
    public Mono<List<UUID>> appendAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromCallable(() -> events.stream().map(encoder::encode).toList())
                .subscribeOn(Schedulers.parallel())
                .flatMap(encoded -> db.sql(INSERT)
                        .bind("ids", column(encoded, e -> e.id().toString()))
                        .bind("topics", column(encoded, CloudEventEncoder.EncodedEvent::topic))
                        .bind("aggregateIds", column(encoded, e -> e.event().aggregateId()))
                        .bind("types", column(encoded, e -> e.event().type()))
                        .bind("tenantIds", column(encoded, e -> e.event().tenantId().toString()))
                        .bind("payloads", column(encoded, e -> new String(e.cloudEvent(), StandardCharsets.UTF_8)))
                        .then()
                        .thenReturn(encoded.stream().map(CloudEventEncoder.EncodedEvent::id).toList()));
    }

    private static String[] column(List<CloudEventEncoder.EncodedEvent> events, Function<CloudEventEncoder.EncodedEvent, String> value) {
        return events.stream().map(value).toArray(String[]::new);
    }
}
