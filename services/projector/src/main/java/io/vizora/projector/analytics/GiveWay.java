package io.vizora.projector.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;

/**
 * Whether work that can wait should hold off now: while {@code busy} says the urgent work runs,
 * for at most {@code longest} in a row. Once it has waited that long it goes on beside the urgent
 * work until that work stops, so a change that never ends cannot starve it.
 */
final class GiveWay {

    private final BooleanSupplier busy;
    private final Duration longest;
    private final InstantSource clock;
    private Instant since;

    GiveWay(BooleanSupplier busy, Duration longest, InstantSource clock) {
        this.busy = busy;
        this.longest = longest;
        this.clock = clock;
    }

    boolean holdOff() {
        if (!busy.getAsBoolean()) {
            since = null;
            return false;
        }
        var now = clock.instant();
        if (since == null) {
            since = now;
        }
        return Duration.between(since, now).compareTo(longest) < 0;
    }
}
