package io.vizora.agent.timeline;

import io.vizora.device.ManifestDocument;
import io.vizora.schedule.PlayItem;
import io.vizora.schedule.Playhead;
import io.vizora.schedule.Slice;
import io.vizora.schedule.Timeline;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * A display's compiled timeline as the gateway delivers it (docs/device-protocol.md), read into the
 * schedule compiler's own types so agent and server agree on what plays when by construction.
 */
public record Manifest(long version, String timeZone, Instant validUntil, Timeline timeline, JsonNode document) {

    /** What the timeline says to play at an instant: the slice, the item and when it ends. */
    public record Due(Slice slice, PlayItem item, Instant startedAt, Instant until) {
    }

    /** Reads a manifest through the device protocol's one reader; throws {@link IllegalArgumentException} if it is not one. */
    public static Manifest parse(JsonNode document) {
        var manifest = ManifestDocument.read(document);
        var timeline = manifest.timeline();
        return new Manifest(manifest.version(), manifest.timeZone(), timeline.to(), timeline, document);
    }

    /**
     * What to play at {@code instant}; empty in a blank slice or past the timeline's end. Before its
     * start, the first slice's first item, until the slice begins and loops on: a timeline starts
     * when it was compiled, so an instant before it is a screen whose clock is behind the server's,
     * which would otherwise stay black after every new manifest for as long as it is behind.
     */
    public Optional<Due> due(Instant instant) {
        var slices = timeline.slices();
        if (!slices.isEmpty() && instant.isBefore(slices.getFirst().start())) {
            var first = slices.getFirst();
            // due as at the slice's start: one occurrence, however often it is asked before then
            return due(first, first.end(), first.start());
        }
        return slices.stream().filter(slice -> slice.covers(instant)).findFirst().flatMap(slice -> due(slice, slice.end(), instant));
    }

    /** The first slice starting after {@code instant}'s slice, if the timeline has one. */
    public Optional<Instant> nextChange(Instant instant) {
        return timeline.slices().stream().map(Slice::start).filter(start -> start.isAfter(instant)).findFirst();
    }

    /** Every item with content to cache, in the order the timeline first needs them from {@code from} on. */
    public SequencedSet<PlayItem> cacheable(Instant from) {
        var items = new LinkedHashSet<PlayItem>();
        timeline.slices().stream().filter(slice -> slice.end().isAfter(from))
                .flatMap(slice -> slice.items().stream())
                .filter(item -> item.sha256() != null)
                .forEach(items::add);
        return items;
    }

    /**
     * Past the timeline's end: the last slice that had something to play, looped from its start as
     * if it went on, so a screen cut off for longer than its manifest reaches still shows content.
     */
    public Optional<Due> lastPlayable(Instant instant) {
        return timeline.slices().reversed().stream().filter(slice -> !slice.items().isEmpty()).findFirst()
                .flatMap(slice -> due(slice, instant.plus(Duration.ofDays(1)), instant));
    }

    private static Optional<Due> due(Slice slice, Instant end, Instant instant) {
        return Playhead.at(slice.start(), end, slice.items().stream().map(PlayItem::durationMs).toList(), instant)
                .map(head -> new Due(slice, slice.items().get(head.index()), head.startedAt(), head.nextAt()));
    }

    public boolean expired(Instant instant) {
        return !instant.isBefore(validUntil);
    }
}
