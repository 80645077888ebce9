package io.vizora.agent.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next reconnect: exponential with full jitter (a uniform draw between
 * zero and the capped exponential), so a fleet that lost its gateway at the same moment does not
 * come back at the same moment.
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < base <= cap, not " + base + " and " + cap);
        }
    }

    /** The wait before attempt {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** The longest wait attempt {@code attempt} can draw. */
    public Duration ceiling(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt, 0), 30);
        long millis = base.toMillis() > cap.toMillis() / factor ? cap.toMillis() : base.toMillis() * factor;
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }
}
