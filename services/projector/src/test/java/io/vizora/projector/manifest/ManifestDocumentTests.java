package io.vizora.projector.manifest;

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
    }
}
