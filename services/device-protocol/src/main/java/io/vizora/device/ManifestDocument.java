package io.vizora.device;

import io.vizora.schedule.PlayItem;
import io.vizora.schedule.Slice;
import io.vizora.schedule.Timeline;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a screen receives: its compiled timeline for the next days with everything needed to play
 * it offline (content URLs and SHA-256 digests), under a version that only grows. Its contract is
 * {@code schemas/.../vizora/device/manifest.v1.schema.json}; this is the one place it is written
 * ({@link #json()}) and read ({@link #read(JsonNode)}).
 */
public record ManifestDocument(UUID displayId, UUID organisationId, long version, Instant compiledAt, String timeZone,
                               Instant validFrom, Instant validUntil, List<SliceDocument> slices) {

    // a newer writer may add fields within v1: readers take what they know
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    public ManifestDocument {
        slices = List.copyOf(slices);
    }

    /** A span of the timeline: its items loop from its start; {@code source} is the lower-case name of a {@link Slice.Source}. */
    public record SliceDocument(Instant start, Instant end, String source, List<UUID> campaignIds, List<PlayItem> items) {

        public SliceDocument {
            campaignIds = List.copyOf(campaignIds);
            items = List.copyOf(items);
        }

        Slice slice() {
            return new Slice(start, end, Slice.Source.valueOf(source.toUpperCase(Locale.ROOT)), campaignIds, items);
        }
    }

    /** The display's manifest; the timeline may have been compiled for another display with the same inputs. */
    public static ManifestDocument of(UUID displayId, UUID organisationId, long version, Instant compiledAt, String timeZone, Timeline timeline) {
        return new ManifestDocument(displayId, organisationId, version, compiledAt, timeZone, timeline.from(), timeline.to(),
                timeline.slices().stream().map(ManifestDocument::slice).toList());
    }

    /** A manifest as it was written; throws {@link IllegalArgumentException} naming what is missing or malformed. */
    public static ManifestDocument read(JsonNode document) {
        try {
            var manifest = JSON.treeToValue(document, ManifestDocument.class);
            manifest.slices().forEach(SliceDocument::slice); // every source known
            return manifest;
        } catch (JacksonException | NullPointerException e) {
            throw new IllegalArgumentException("not a manifest: " + e.getMessage(), e);
        }
    }

    public static ManifestDocument read(byte[] json) {
        try {
            return read(JSON.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a manifest: " + e.getMessage(), e);
        }
    }

    /** The manifest as screens receive it. */
    public byte[] json() {
        return JSON.writeValueAsBytes(this);
    }

    /**
     * The manifests of displays that share one timeline (the same inputs compile to the same
     * slices), written without serialising the slices again for each: byte for byte what
     * {@link #json()} writes for each display's document.
     */
    public static final class Stamp {

        private final Timeline timeline;
        private final String slices;

        public Stamp(Timeline timeline) {
            this.timeline = timeline;
            this.slices = JSON.writeValueAsString(timeline.slices().stream().map(ManifestDocument::slice).toList());
        }

        public byte[] json(UUID displayId, UUID organisationId, long version, Instant compiledAt, String timeZone) {
            var out = new java.io.ByteArrayOutputStream(slices.length() + 320);
            try (var generator = JSON.createGenerator(out)) {
                generator.writeStartObject();
                generator.writePOJOProperty("displayId", displayId);
                generator.writePOJOProperty("organisationId", organisationId);
                generator.writeNumberProperty("version", version);
                generator.writePOJOProperty("compiledAt", compiledAt);
                generator.writeStringProperty("timeZone", timeZone);
                generator.writePOJOProperty("validFrom", timeline.from());
                generator.writePOJOProperty("validUntil", timeline.to());
                generator.writeName("slices");
                generator.writeRawValue(slices);
                generator.writeEndObject();
            }
            return out.toByteArray();
        }
    }

    /** The compiled timeline it carries, in the schedule compiler's own types. */
    public Timeline timeline() {
        return new Timeline(displayId, validFrom, validUntil, slices.stream().map(SliceDocument::slice).toList());
    }

    private static SliceDocument slice(Slice slice) {
        return new SliceDocument(slice.start(), slice.end(), slice.source().name().toLowerCase(Locale.ROOT), slice.campaignIds(), slice.items());
    }
}
