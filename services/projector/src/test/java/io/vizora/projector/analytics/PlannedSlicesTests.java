package io.vizora.projector.analytics;

import io.vizora.schemas.DeviceContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlannedSlicesTests {

    private static byte[] sample() throws IOException {
        try (var in = PlannedSlicesTests.class.getClassLoader().getResourceAsStream(DeviceContract.MANIFEST_SAMPLE)) {
            return in.readAllBytes();
        }
    }

    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>("vizora.manifests", 0, offset, "display", value);
    }

    @Test
    void unreadableRecordsAndWithdrawnManifestsAreSkippedWhileTheRestOfTheBatchIsStored() throws IOException {
        var batch = new ConsumerRecords<>(Map.of(new TopicPartition("vizora.manifests", 0), List.of(
                record(1, "not a manifest".getBytes(StandardCharsets.UTF_8)),
                record(2, null),
                record(3, sample()),
                record(4, "{\"version\":1}".getBytes(StandardCharsets.UTF_8)))), Map.of());

        var rows = PlannedSlices.rows(batch, 1_764_900_000L);

        assertThat(rows).as("the sample's two slices, nothing of the other records").hasSize(2).allSatisfy(row -> {
            assertThat(row.get("display_id").asString()).isEqualTo("939ae232-588e-4bce-b71e-d78a1dc02e27");
            assertThat(row.get("ingested_at").asLong()).isEqualTo(1_764_900_000L);
        });
        assertThat(rows.getFirst().get("slice_start").asLong()).isEqualTo(java.time.Instant.parse("2026-12-05T09:30:00Z").getEpochSecond());
    }
}
