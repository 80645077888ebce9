package io.vizora.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a slice's loop is at an instant: its items play in order from the slice's start, each for
 * its duration, round and round until the slice ends. Screens and the fleet view both derive the
 * current item this way, so they agree without talking to each other.
 */
public record Playhead(int index, Instant startedAt, Instant nextAt) {

    /** Empty for a slice with nothing to play, or an instant outside it. */
    public static Optional<Playhead> at(Instant sliceStart, Instant sliceEnd, List<Integer> durationsMs, Instant instant) {
        if (durationsMs.isEmpty() || instant.isBefore(sliceStart) || !instant.isBefore(sliceEnd)) {
            return Optional.empty();
        }
        long loop = durationsMs.stream().mapToLong(Integer::longValue).sum();
        long into = Duration.between(sliceStart, instant).toMillis() % loop;
        long loopStart = Duration.between(sliceStart, instant).toMillis() - into;
        long offset = 0;
        for (int i = 0; i < durationsMs.size(); i++) {
            long end = offset + durationsMs.get(i);
            if (into < end) {
                var started = sliceStart.plusMillis(loopStart + offset);
                var next = sliceStart.plusMillis(loopStart + end);
                return Optional.of(new Playhead(i, started, next.isAfter(sliceEnd) ? sliceEnd : next));
            }
            offset = end;
        }
        throw new IllegalStateException("unreachable: " + into + " ms into a loop of " + loop + " ms");
    }
}
