package io.vizora.consumer;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The retries of a failing effect, counted only while the consumer's stores answer (ADR 0042).
 * When Postgres (or Redis) is away, every effect fails, and no event is to blame: giving each up
 * after a few attempts would dead-letter a stretch of every partition and leave the read models
 * without it for good. So before each retry the stores are asked; while one does not answer, the
 * record waits (doubling up to a ceiling) for as long as the outage lasts and the attempt is not
 * counted. Once they answer, an effect that still fails is the event's: it gets its attempts and is
 * then dead-lettered.
 */
final class StoreAwareBackOff implements BackOff {

    private final Duration first;
    private final Duration ceiling;
    private final int maxAttempts;
    private final BooleanSupplier storesAnswer;

    /**
     * @param maxAttempts attempts at an effect while the stores answer, the first included
     * @param storesAnswer asked before each retry; false while any store the effect writes to does not answer
     */
    StoreAwareBackOff(Duration first, Duration ceiling, int maxAttempts, BooleanSupplier storesAnswer) {
        if (maxAttempts < 1 || first.isNegative() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("attempts must be at least one and the ceiling at least the first wait");
        }
        this.first = first;
        this.ceiling = ceiling;
        this.maxAttempts = maxAttempts;
        this.storesAnswer = storesAnswer;
    }

    @Override
    public BackOffExecution start() {
        return new BackOffExecution() {
            private int retries;
            private int outageWaits;

            @Override
            public long nextBackOff() {
                if (!storesAnswer.getAsBoolean()) {
                    return doubled(outageWaits++);
                }
                outageWaits = 0;
                if (retries >= maxAttempts - 1) {
                    return STOP;
                }
                return doubled(retries++);
            }
        };
    }

    private long doubled(int times) {
        var wait = first.toMillis() << Math.min(times, 30);
        return Math.min(wait, ceiling.toMillis());
    }
}
