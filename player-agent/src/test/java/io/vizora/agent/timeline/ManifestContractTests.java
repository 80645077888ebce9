package io.vizora.agent.timeline;

import io.vizora.agent.Json;
import io.vizora.schedule.Slice;
import io.vizora.schemas.DeviceContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The device protocol's golden manifest (schemas/), as the agent reads it. */
class ManifestContractTests {

    @Test
    void theAgentReadsEveryPartOfTheGoldenManifest() throws IOException {
        try (var sample = DeviceContract.class.getClassLoader().getResourceAsStream(DeviceContract.MANIFEST_SAMPLE)) {
            var manifest = Manifest.parse(Json.MAPPER.readTree(sample));

            assertThat(manifest.version()).isEqualTo(1764927000000001L);
            assertThat(manifest.timeZone()).isEqualTo("Europe/Paris");
            assertThat(manifest.validUntil()).isEqualTo(Instant.parse("2026-12-12T09:30:00Z"));
            assertThat(manifest.timeline().displayId()).isEqualTo(UUID.fromString("939ae232-588e-4bce-b71e-d78a1dc02e27"));
            assertThat(manifest.timeline().slices()).extracting(Slice::source)
                    .containsExactly(Slice.Source.CAMPAIGN, Slice.Source.ORGANISATION_DEFAULT);
            var campaign = manifest.timeline().slices().getFirst();
            assertThat(campaign.campaignIds()).containsExactly(UUID.fromString("670c5891-45d2-4c06-a206-02e0fc80fa6f"));
            assertThat(campaign.items()).hasSize(2);
            assertThat(campaign.items().getFirst().sha256()).isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
            assertThat(campaign.items().getLast().sha256()).isNull();
            assertThat(campaign.items().getLast().durationMs()).isEqualTo(15_000);
            assertThat(manifest.timeline().slices().getLast().items().getFirst().campaignId()).isNull();
        }
    }
}
