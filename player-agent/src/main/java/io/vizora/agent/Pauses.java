package io.vizora.agent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits of a background loop that end early when its owner stops. */
public final class Pauses {

    private Pauses() {
    }

    /** Waits up to {@code duration}; true if {@code stopped} was counted down (or the thread interrupted) meanwhile. */
    public static boolean pause(CountDownLatch stopped, Duration duration) {
        try {
            return stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
