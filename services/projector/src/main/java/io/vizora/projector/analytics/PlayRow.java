package io.vizora.projector.analytics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A {@code vizora.playback.play_reported.v1} event (checked against the contract before) as a row of
 * the {@code plays} table, with the Kafka position it came from. Times are UTC seconds (ClickHouse
 * 18.16 has no DateTime64) plus the milliseconds of the start; the start's date and hour on the
 * display's wall clock go beside them for stats in local time.
 */
final class PlayRow {

    private PlayRow() {
    }

    /** The rows of a batch, each dated in its display's zone (UTC for a display not folded yet). */
    static ExactlyOnceIngest.Rows rows(DisplayZones zones) {
        return (events, ingestedAt) -> {
            var zoneOf = zones.of(events.stream().map(PlayRow::display).collect(Collectors.toSet()));
            return events.stream().map(source -> of(source.event(), source.partition(), source.offset(), ingestedAt,
                    zoneOf.getOrDefault(display(source), ZoneOffset.UTC))).toList();
        };
    }

    private static UUID display(ExactlyOnceIngest.Source source) {
        return UUID.fromString(source.event().get("data").get("displayId").asString());
    }

    static ObjectNode of(JsonNode event, int partition, long offset, Instant ingestedAt, ZoneId zone) {
        var data = event.get("data");
        var started = Instant.parse(data.get("startedAt").asString());
        var error = data.path("error");
        var local = started.atZone(zone);
        return JsonNodeFactory.instance.objectNode()
                .put("tenant_id", event.get("tenantid").asString())
                .put("play_id", event.get("id").asString())
                .put("display_id", data.get("displayId").asString())
                .put("sequence", data.get("sequence").asLong())
                .put("content_id", data.get("contentId").asString())
                .put("campaign_id", data.path("campaignId").asString(""))
                .put("slice_start", data.hasNonNull("sliceStart") ? Instant.parse(data.get("sliceStart").asString()).getEpochSecond() : 0)
                .put("manifest_version", data.path("manifestVersion").asLong(0))
                .put("started_at", started.getEpochSecond())
                .put("started_ms", started.getNano() / 1_000_000)
                .put("local_date", local.toLocalDate().toString())
                .put("local_hour", local.getHour())
                .put("duration_ms", data.get("durationMs").asLong())
                .put("outcome", data.get("outcome").asString())
                .put("from_cache", data.path("fromCache").asBoolean(false) ? 1 : 0)
                .put("error_stage", error.path("stage").asString(""))
                .put("error_detail", error.path("detail").asString(""))
                .put("kafka_partition", partition)
                .put("kafka_offset", offset)
                .put("ingested_at", ingestedAt.getEpochSecond());
    }
}
