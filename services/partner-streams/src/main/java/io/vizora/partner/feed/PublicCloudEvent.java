package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.schemas.EventType;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/**
 * An event as partners receive it: a CloudEvent 1.0 with the same id, type, subject, time and data
 * as inside Vizora, the organisation as {@code tenantid}, and its place in the organisation's feed
 * as {@code position}. The acting principal stays inside (it names users and keys).
 */
public final class PublicCloudEvent {

    public static final String SOURCE = "/vizora";
    private static final JsonMapper JSON = JsonMapper.shared();

    private PublicCloudEvent() {
    }

    /**
     * The public events of a run at positions {@code first}, {@code first + 1}, ..., as UTF-8, one
     * line each: written by one generator straight to bytes, since for a report's plays (ADR 0033)
     * building each event as a tree and then as a text was a quarter of this service's CPU. Compact
     * JSON holds no raw line break, so the lines split where the events do.
     */
    public static Utf8Text lines(List<ConsumedEvent> events, long first) {
        var bytes = new ByteArrayBuilder(events.size() * 512);
        // a report's plays share their type and their time: each is spelt once per run
        var schemas = new HashMap<String, String>();
        var times = new HashMap<Instant, String>();
        try (var out = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            for (int i = 0; i < events.size(); i++) {
                var event = events.get(i);
                out.writeStartObject();
                out.writeStringProperty("specversion", "1.0");
                out.writeStringProperty("id", event.id().toString());
                out.writeStringProperty("source", SOURCE);
                out.writeStringProperty("type", event.type());
                out.writeStringProperty("subject", event.subject());
                out.writeStringProperty("time", times.computeIfAbsent(event.time(), Instant::toString));
                out.writeStringProperty("datacontenttype", "application/json");
                out.writeStringProperty("dataschema", schemas.computeIfAbsent(event.type(), type -> EventType.parse(type).dataSchemaUri()));
                out.writeStringProperty("tenantid", event.tenantId().toString());
                out.writeNumberProperty("position", first + i);
                out.writeName("data");
                out.writeTree(event.data());
                out.writeEndObject();
                if (i < events.size() - 1) {
                    out.writeRaw('\n');
                }
            }
        }
        return new Utf8Text(bytes.toByteArray());
    }
}
