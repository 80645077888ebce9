package io.vizora.projector.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A display's compiled timelines against what it reported playing. The plan at any instant is the
 * newest manifest compiled by then (what the screen should have been following); each of its
 * slices is a segment that says what should have played (planned), what did, what was planned
 * and did not play (missing) and what played without being planned (unplanned). Failed plays
 * count as not played.
 */
public final class PlanVersusActual {

    /** One stretch of the plan and the plays in it. */
    public record Segment(Instant start, Instant end, long manifestVersion, String source, List<UUID> campaignIds, List<UUID> planned,
                          Map<UUID, Long> played, List<UUID> missing, Map<UUID, Long> unplanned, long failed) {

        public long seconds() {
            return Duration.between(start, end).toSeconds();
        }

        boolean blank() {
            return planned.isEmpty();
        }
    }

    /** The whole period: its segments, plays no plan covered, and totals. */
    public record Report(List<Segment> segments, long plannedSeconds, long segmentsWithoutPlays, long missingItems, long unplannedPlays,
                         long playsOutsideAnyPlan) {
    }

    /** One campaign on one display: how much of it was planned, how much played, and where the two differ. */
    public record CampaignDelivery(long plannedSeconds, long plannedSegments, long segmentsMissed, long plays, long playedSeconds,
                                   long unplannedPlays) {
    }

    private PlanVersusActual() {
    }

    public static Report compare(List<PlanVersion> versions, List<ReportedPlay> plays, Instant from, Instant to) {
        var segments = segments(versions, from, to);
        var byStart = new TreeMap<Instant, SegmentBuilder>();
        segments.forEach(segment -> byStart.put(segment.start, segment));
        long outside = 0;
        for (var play : plays) {
            var entry = byStart.floorEntry(play.startedAt());
            if (entry != null && play.startedAt().isBefore(entry.getValue().end)) {
                entry.getValue().add(play);
            } else if (!play.startedAt().isBefore(from) && play.startedAt().isBefore(to)) {
                outside++;
            }
        }
        var built = segments.stream().map(SegmentBuilder::build).toList();
        var nonBlank = built.stream().filter(segment -> !segment.blank()).toList();
        return new Report(built,
                nonBlank.stream().mapToLong(Segment::seconds).sum(),
                nonBlank.stream().filter(segment -> segment.played().isEmpty()).count(),
                built.stream().mapToLong(segment -> segment.missing().size()).sum(),
                built.stream().mapToLong(segment -> segment.unplanned().values().stream().mapToLong(Long::longValue).sum()).sum() + outside,
                outside);
    }

    /** The campaign's share of the plan against the plays reported for it. */
    public static CampaignDelivery campaign(List<PlanVersion> versions, List<ReportedPlay> plays, Instant from, Instant to, UUID campaign) {
        var segments = segments(versions, from, to).stream().filter(segment -> segment.campaignIds.contains(campaign)).toList();
        var campaignPlays = plays.stream().filter(play -> campaign.equals(play.campaignId()) && !play.failed()).toList();
        long unplanned = 0;
        for (var play : campaignPlays) {
            var covering = segments.stream().filter(segment -> segment.covers(play.startedAt())).findFirst();
            if (covering.isPresent()) {
                covering.get().add(play);
            } else {
                unplanned++;
            }
        }
        return new CampaignDelivery(
                segments.stream().mapToLong(segment -> Duration.between(segment.start, segment.end).toSeconds()).sum(),
                segments.size(),
                segments.stream().filter(segment -> segment.played.isEmpty()).count(),
                campaignPlays.size(),
                campaignPlays.stream().mapToLong(ReportedPlay::durationMs).sum() / 1000,
                unplanned);
    }

    /** Each version's slices, clipped to the time it was the newest plan and to the period. */
    private static List<SegmentBuilder> segments(List<PlanVersion> versions, Instant from, Instant to) {
        var ordered = versions.stream().sorted(Comparator.comparingLong(PlanVersion::version)).toList();
        var segments = new ArrayList<SegmentBuilder>();
        for (int i = 0; i < ordered.size(); i++) {
            var version = ordered.get(i);
            var inForceFrom = latest(version.compiledAt(), from);
            var inForceTo = i + 1 < ordered.size() ? earliest(ordered.get(i + 1).compiledAt(), to) : to;
            for (var slice : version.slices()) {
                var start = latest(slice.start(), inForceFrom);
                var end = earliest(slice.end(), inForceTo);
                if (start.isBefore(end)) {
                    segments.add(new SegmentBuilder(start, end, version.version(), slice));
                }
            }
        }
        segments.sort(Comparator.comparing(segment -> segment.start));
        return segments;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static final class SegmentBuilder {
        private final Instant start;
        private final Instant end;
        private final long version;
        private final PlanVersion.Planned slice;
        private final List<UUID> campaignIds;
        private final Map<UUID, Long> played = new TreeMap<>();
        private final Map<UUID, Long> unplanned = new TreeMap<>();
        private long failed;

        SegmentBuilder(Instant start, Instant end, long version, PlanVersion.Planned slice) {
            this.start = start;
            this.end = end;
            this.version = version;
            this.slice = slice;
            this.campaignIds = slice.campaignIds();
        }

        boolean covers(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        void add(ReportedPlay play) {
            if (play.failed()) {
                failed++;
            } else if (slice.contentIds().contains(play.contentId())) {
                played.merge(play.contentId(), 1L, Long::sum);
            } else {
                unplanned.merge(play.contentId(), 1L, Long::sum);
            }
        }

        Segment build() {
            var planned = List.copyOf(new LinkedHashSet<>(slice.contentIds()));
            var missing = planned.stream().filter(content -> !played.containsKey(content)).toList();
            return new Segment(start, end, version, slice.source(), campaignIds, planned, Collections.unmodifiableMap(played), missing,
                    Collections.unmodifiableMap(unplanned), failed);
        }
    }
}
