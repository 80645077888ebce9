package io.vizora.consumer;

import java.time.Duration;

/**
 * How long a consumer waits before its next poll. A poll that brought less than {@code fullBytes}
 * is a trickle: the consumer waits out the rest of {@code cycle}, counted from when its records
 * were handed over, so that what arrives meanwhile comes in one fuller poll, one transaction
 * instead of many. A fuller poll, a backlog, is followed by the next at once. An idle consumer
 * waits for nothing, and an event arriving alone is applied at once: only events that follow
 * others within a cycle wait (ADR 0041).
 */
record PollPacer(long fullBytes, Duration cycle) {

    Duration pauseAfter(long polledBytes, Duration took) {
        if (polledBytes >= fullBytes) {
            return Duration.ZERO;
        }
        var rest = cycle.minus(took);
        return rest.isNegative() ? Duration.ZERO : rest;
    }
}
