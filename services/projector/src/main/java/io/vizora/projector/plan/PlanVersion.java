package io.vizora.projector.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One compiled manifest of a display as a plan: in force from its compilation until the next one. */
public record PlanVersion(long version, Instant compiledAt, List<Planned> slices) {

    /** A slice of the timeline: from start to end the screen loops these contents. */
    public record Planned(Instant start, Instant end, String source, List<UUID> campaignIds, List<UUID> contentIds) {
    }

    public PlanVersion {
        slices = List.copyOf(slices);
    }
}
