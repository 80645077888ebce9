package io.vizora.projector.manifest;

import io.vizora.schedule.PlayItem;
import io.vizora.schedule.Slice;
import io.vizora.schedule.Timeline;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a screen receives: its compiled timeline for the next days with everything needed to play
 * it offline (content URLs and SHA-256 digests), under a version that only grows.
 */
public record ManifestDocument(UUID displayId, UUID organisationId, long version, Instant compiledAt, String timeZone,
                               Instant validFrom, Instant validUntil, List<SliceDocument> slices) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record SliceDocument(Instant start, Instant end, String source, List<UUID> campaignIds, List<PlayItem> items) {
    }

    /** The display's manifest; the timeline may have been compiled for another display with the same inputs. */
    public static ManifestDocument of(UUID displayId, UUID organisationId, long version, Instant compiledAt, String timeZone, Timeline timeline) {
        return new ManifestDocument(displayId, organisationId, version, compiledAt, timeZone, timeline.from(), timeline.to(),
                timeline.slices().stream().map(ManifestDocument::slice).toList());
    }

    /** The manifest as screens receive it: the device protocol's {@code vizora/device/manifest.v1.schema.json}. */
    public byte[] json() {
        return JSON.writeValueAsBytes(this);
    }

    private static SliceDocument slice(Slice slice) {
        return new SliceDocument(slice.start(), slice.end(), slice.source().name().toLowerCase(java.util.Locale.ROOT),
                slice.campaignIds(), slice.items());
    }
}
