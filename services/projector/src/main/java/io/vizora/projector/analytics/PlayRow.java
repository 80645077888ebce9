package io.vizora.projector.analytics;

import io.vizora.schemas.Formats;
import io.vizora.schemas.PlayReports;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The plays of a {@code vizora.playback} event (a report of plays, or one play of the form before
 * ADR 0033; checked against the contract before) as rows of the {@code plays} table, each with the
 * Kafka position of its event. Times are UTC seconds (ClickHouse 18.16 has no DateTime64) plus the
 * milliseconds of the start; the start's date and hour on the display's wall clock go beside them
 * for stats in local time.
 */
final class PlayRow {

    private PlayRow() {
    }

    /** The rows of a batch, each dated in its display's zone (UTC for a display not folded yet). */
    static ExactlyOnceIngest.Rows rows(DisplayZones zones) {
        return (events, ingestedAt) -> {
            var zoneOf = zones.of(events.stream().map(PlayRow::display).collect(Collectors.toSet()));
            var rows = new ArrayList<ObjectNode>(events.size());
            for (var source : events) {
                var event = source.event();
                var tenant = event.get("tenantid").asString();
                var zone = zoneOf.getOrDefault(display(source), ZoneOffset.UTC);
                for (var play : PlayReports.plays(event.get("type").asString(), UUID.fromString(event.get("id").asString()), event.get("data"))) {
                    rows.add(of(tenant, play, source.partition(), source.offset(), ingestedAt, zone));
                }
            }
            return rows;
        };
    }

    private static UUID display(ExactlyOnceIngest.Source source) {
        return UUID.fromString(source.event().get("data").get("displayId").asString());
    }

    static ObjectNode of(String tenant, PlayReports.Play play, int partition, long offset, Instant ingestedAt, ZoneId zone) {
        var data = play.data();
        var started = Formats.instant(data.get("startedAt").asString());
        var error = data.path("error");
        var local = started.atZone(zone);
        return JsonNodeFactory.instance.objectNode()
                .put("tenant_id", tenant)
                .put("play_id", play.id().toString())
                .put("display_id", data.get("displayId").asString())
                .put("sequence", data.get("sequence").asLong())
                .put("content_id", data.get("contentId").asString())
                .put("campaign_id", data.path("campaignId").asString(""))
                .put("slice_start", data.hasNonNull("sliceStart") ? Formats.instant(data.get("sliceStart").asString()).getEpochSecond() : 0)
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
