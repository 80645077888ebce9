package io.vizora.agent.browser;

import java.time.Duration;
import java.time.Instant;

/**
 * When to start a browser again after it died or hung: at once the first time, then after waits
 * that double with each failure in a row, up to a ceiling, so a browser that keeps dying is never
 * restarted in a tight loop. A run of failures ends once the browser went a whole window without
 * one. Too many failures in a row mean it is failing, which the agent reports; it is still
 * restarted, at the ceiling's pace.
 */
public final class RestartPolicy {

    private final Duration firstWait;
    private final Duration longestWait;
    private final Duration window;
    private final int failingAfter;
    private int inARow;
    private Instant lastFailure;

    public RestartPolicy(Duration firstWait, Duration longestWait, Duration window, int failingAfter) {
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.window = window;
        this.failingAfter = failingAfter;
    }

    /** The policy of a screen: 1 s doubling to 5 min; failing after 5 failures in a row; a run ends after 10 quiet minutes. */
    public static RestartPolicy forScreens() {
        return new RestartPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(10), 5);
    }

    /** Records a failure at {@code at} and says how long to wait before the next start. */
    public synchronized Duration failed(Instant at) {
        if (!inRun(at)) {
            inARow = 0;
        }
        lastFailure = at;
        if (inARow++ == 0) {
            return Duration.ZERO;
        }
        var wait = firstWait.multipliedBy(1L << Math.min(inARow - 2, 20));
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    /** Whether the browser failed too often in a row, lately, to be called working. */
    public synchronized boolean failing(Instant now) {
        return inRun(now) && inARow >= failingAfter;
    }

    private boolean inRun(Instant now) {
        return lastFailure != null && !lastFailure.isBefore(now.minus(window));
    }
}
