package io.vizora.device;

import io.vizora.schedule.PlayItem;
import io.vizora.schedule.Slice;
import io.vizora.schedule.Timeline;
import io.vizora.schemas.DeviceContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the projector writes for screens meets the device protocol's manifest schema (schemas/). */
class ManifestDocumentTests {

    @Test
    void aManifestOfEveryKindOfSliceAndItemMeetsTheDeviceContract() {
        var display = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        var from = Instant.parse("2026-12-05T09:00:00Z");
        var image = new PlayItem(UUID.randomUUID(), "http://127.0.0.1:30000/vizora-content/x?X-Amz-Signature=1", "a".repeat(64), "image/png", 8_000, campaign);
        var page = new PlayItem(UUID.randomUUID(), "https://example.org/menu", null, "text/html", 15_000, null);
        var timeline = new Timeline(display, from, from.plusSeconds(5 * 3_600), List.of(
                new Slice(from, from.plusSeconds(3_600), Slice.Source.TAKEOVER, List.of(campaign), List.of(image)),
                new Slice(from.plusSeconds(3_600), from.plusSeconds(7_200), Slice.Source.CAMPAIGN, List.of(campaign), List.of(image, image)),
                new Slice(from.plusSeconds(7_200), from.plusSeconds(10_800), Slice.Source.DISPLAY_DEFAULT, List.of(), List.of(page)),
                new Slice(from.plusSeconds(10_800), from.plusSeconds(14_400), Slice.Source.ORGANISATION_DEFAULT, List.of(), List.of(page)),
                new Slice(from.plusSeconds(14_400), from.plusSeconds(18_000), Slice.Source.BLANK, List.of(), List.of())));

        var manifest = ManifestDocument.of(display, UUID.randomUUID(), 7, from, "Europe/Paris", timeline);

        assertThat(DeviceContract.load().manifestViolations(JsonMapper.shared().readTree(manifest.json()))).isEmpty();
        assertThat(ManifestDocument.read(manifest.json())).isEqualTo(manifest);
        assertThat(ManifestDocument.read(manifest.json()).timeline()).isEqualTo(timeline);
        // the slices written once for many displays: the same bytes as each display's own document
        var stamp = new ManifestDocument.Stamp(timeline);
        var other = UUID.randomUUID();
        assertThat(stamp.json(display, manifest.organisationId(), 7, from, "Europe/Paris")).isEqualTo(manifest.json());
        assertThat(stamp.json(other, manifest.organisationId(), 8, from.plusMillis(1), "Asia/Tokyo"))
                .isEqualTo(ManifestDocument.of(other, manifest.organisationId(), 8, from.plusMillis(1), "Asia/Tokyo", timeline).json());
    }

    @Test
    void theGoldenManifestReadsIntoTheScheduleCompilersTypes() throws Exception {
        try (var sample = DeviceContract.class.getClassLoader().getResourceAsStream(DeviceContract.MANIFEST_SAMPLE)) {
            var manifest = ManifestDocument.read(sample.readAllBytes());

            assertThat(manifest.version()).isEqualTo(1764927000000001L);
            assertThat(manifest.timeline().slices()).extracting(Slice::source).containsExactly(Slice.Source.CAMPAIGN, Slice.Source.ORGANISATION_DEFAULT);
            assertThat(manifest.timeline().slices().getFirst().items().getLast().sha256()).isNull();
        }
    }

    @Test
    void aDocumentWithoutAVersionOrWithASourceNoScreenKnowsIsNotAManifest() throws Exception {
        byte[] golden;
        try (var sample = DeviceContract.class.getClassLoader().getResourceAsStream(DeviceContract.MANIFEST_SAMPLE)) {
            golden = sample.readAllBytes();
        }
        var withoutVersion = (tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(golden);
        withoutVersion.remove("version");
        var unknownSource = (tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(golden);
        ((tools.jackson.databind.node.ObjectNode) unknownSource.get("slices").get(0)).put("source", "surprise");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestDocument.read(withoutVersion))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestDocument.read(unknownSource))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SURPRISE");
    }
}
