package io.vizora.partner.webhooks;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait after a failed attempt: doubling from the first wait up to the longest, each
 * wait between half and all of that ("equal jitter"), so that receivers coming back from an outage
 * are not hit by every webhook at the same instant.
 */
public record RetrySchedule(Duration first, Duration longest) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first retry <= longest retry, got " + first + " and " + longest);
        }
    }

    /** The wait after the given number of failed attempts (1 after the first failure). */
    public Duration after(int failedAttempts, RandomGenerator random) {
        var ceiling = first.toMillis() << Math.min(failedAttempts - 1, 30);
        var capped = ceiling <= 0 || ceiling > longest.toMillis() ? longest.toMillis() : ceiling;
        return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }
}
