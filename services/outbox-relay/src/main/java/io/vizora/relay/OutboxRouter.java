package io.vizora.relay;

import io.debezium.transforms.outbox.EventRouter;
import io.vizora.schemas.Envelope;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Applies Debezium's outbox event router to a change record of the outbox table: topic from the
 * row's {@code topic} column, key = aggregate id, value = the CloudEvent. The router runs here
 * rather than as a connector transform so the commit timestamp (source.ts_ms), which the router
 * drops, can still be read for the latency metric. Other records (the heartbeat table, Debezium's
 * own heartbeats) route nowhere.
 */
final class OutboxRouter implements AutoCloseable {

    static final String CONTENT_TYPE = "content-type";
    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    private final EventRouter<SourceRecord> router = new EventRouter<>();

    OutboxRouter() {
        router.configure(Map.of(
                "table.field.event.id", "id",
                "table.field.event.key", "aggregate_id",
                "table.field.event.payload", "payload",
                "route.by.field", "topic",
                "route.topic.replacement", "${routedByValue}",
                "table.fields.additional.placement", "type:header:" + Envelope.TYPE_HEADER));
    }

    Optional<RelayedEvent> route(SourceRecord change) {
        if (!DebeziumSettings.OUTBOX_CHANGES.equals(change.topic()) || !(change.value() instanceof Struct envelope)) {
            return Optional.empty();
        }
        var committedAt = envelope.getStruct("source").getInt64("ts_ms");
        var routed = router.apply(change);
        if (routed == null) {
            return Optional.empty();
        }
        var headers = new RecordHeaders();
        routed.headers().forEach(header -> headers.add(new RecordHeader(header.key(),
                String.valueOf(header.value()).getBytes(StandardCharsets.UTF_8))));
        headers.add(new RecordHeader(CONTENT_TYPE, CLOUDEVENTS_JSON));
        var value = String.valueOf(routed.value()).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new RelayedEvent(routed.topic(), String.valueOf(routed.key()), value, headers, committedAt));
    }

    @Override
    public void close() {
        router.close();
    }
}
