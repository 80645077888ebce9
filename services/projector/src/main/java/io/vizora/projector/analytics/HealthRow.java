package io.vizora.projector.analytics;

import io.vizora.schemas.Formats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/** A {@code vizora.presence.heartbeat.v1} event as a row of {@code health_samples}: what the device said of its health, absent values null. */
final class HealthRow {

    private HealthRow() {
    }

    static final ExactlyOnceIngest.Rows ROWS = (events, ingestedAt) -> events.stream().map(source -> of(source, ingestedAt)).toList();

    static ObjectNode of(ExactlyOnceIngest.Source source, Instant ingestedAt) {
        var event = source.event();
        var data = event.get("data");
        var row = JsonNodeFactory.instance.objectNode()
                .put("tenant_id", event.get("tenantid").asString())
                .put("sample_id", event.get("id").asString())
                .put("display_id", data.get("displayId").asString())
                .put("sent_at", Formats.instant(data.get("sentAt").asString()).getEpochSecond())
                .put("app_version", data.path("appVersion").asString(""))
                .put("playing_content_id", data.path("playing").path("contentId").asString(""))
                .put("kafka_partition", source.partition())
                .put("kafka_offset", source.offset())
                .put("ingested_at", ingestedAt.getEpochSecond());
        for (var measure : List.of("cpuPercent", "memoryPercent", "diskPercent", "temperatureCelsius")) {
            var column = measure.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            if (data.has(measure)) {
                row.put(column, data.get(measure).asDouble());
            } else {
                row.putNull(column);
            }
        }
        flag(row, "screen_on", data.path("screenOn"));
        flag(row, "from_cache", data.path("playing").path("fromCache"));
        return row;
    }

    private static void flag(ObjectNode row, String column, JsonNode value) {
        if (value.isBoolean()) {
            row.put(column, value.asBoolean() ? 1 : 0);
        } else {
            row.putNull(column);
        }
    }
}
