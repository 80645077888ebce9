package io.vizora.projector.analytics;

import io.vizora.schemas.PlayReports;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlayRowTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aReportedPlayBecomesARowWithItsKafkaPositionUtcSecondsPlusMillisecondsAndTheDisplaysLocalDateAndHour() {
        var data = (ObjectNode) JSON.readTree("""
                {"displayId": "939ae232-588e-4bce-b71e-d78a1dc02e27", "sequence": 1042,
                 "contentId": "8c3f846c-c6a9-42d3-83f8-4c485e5c4176", "startedAt": "2026-11-26T09:30:00.012Z",
                 "durationMs": 0, "outcome": "failed", "error": {"stage": "download", "detail": "HTTP 404"}}""");
        var play = new PlayReports.Play(UUID.fromString("5d8f3a2e-1c4b-4e7a-9f0d-2b6c8e1a3f57"), data);

        var row = PlayRow.of("62f746b4-84e6-4ceb-95bd-447e7184d454", play, 3, 77, Instant.parse("2026-11-26T09:31:00Z"), java.time.ZoneId.of("Pacific/Auckland"));

        assertThat(row.get("play_id").asString()).isEqualTo("5d8f3a2e-1c4b-4e7a-9f0d-2b6c8e1a3f57");
        assertThat(row.get("tenant_id").asString()).isEqualTo("62f746b4-84e6-4ceb-95bd-447e7184d454");
        assertThat(row.get("started_at").asLong()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z").getEpochSecond());
        assertThat(row.get("started_ms").asInt()).isEqualTo(12);
        assertThat(row.get("local_date").asString()).as("22:30 in Auckland (UTC+13)").isEqualTo("2026-11-26");
        assertThat(row.get("local_hour").asInt()).isEqualTo(22);
        assertThat(row.get("campaign_id").asString()).isEmpty();
        assertThat(row.get("slice_start").asLong()).isZero();
        assertThat(row.get("error_stage").asString()).isEqualTo("download");
        assertThat(row.get("from_cache").asInt()).isZero();
        assertThat(row.get("kafka_partition").asInt()).isEqualTo(3);
        assertThat(row.get("kafka_offset").asLong()).isEqualTo(77);
    }
}
