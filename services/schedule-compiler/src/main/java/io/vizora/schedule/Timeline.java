package io.vizora.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A display's compiled schedule: slices that cover [from, to) exactly, without gaps or overlaps. */
public record Timeline(UUID displayId, Instant from, Instant to, List<Slice> slices) {

    public Timeline {
        slices = List.copyOf(slices);
    }

    public Slice at(Instant instant) {
        return slices.stream().filter(slice -> slice.covers(instant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(instant + " is outside the timeline [" + from + ", " + to + ")"));
    }
}
