package io.vizora.platform.kafka.consumer;

import java.time.Instant;

/**
 * What one long-running Kafka consumer is doing, for health and metrics.
 *
 * @param detail     why it is not consuming, or what it consumes
 * @param since      when it entered this condition
 * @param partitions partitions assigned to it
 * @param lag        records behind the end of its partitions, as of its last poll
 */
public record ConsumerState(Condition condition, String detail, Instant since, int partitions, long lag) {

    public enum Condition {
        /** Created, not polled yet. */
        STARTING,
        /** Polling its assigned partitions. */
        CONSUMING,
        /** Cannot consume yet, through nobody's fault it can fix: a topic missing, no broker, a rebalance. */
        WAITING,
        /** Its last attempt failed; it retries with backoff. */
        FAILING,
        /** Closed, or its poll loop ended. */
        STOPPED
    }

    public static ConsumerState starting(Instant now) {
        return new ConsumerState(Condition.STARTING, "not polled yet", now, 0, 0);
    }

    public boolean consuming() {
        return condition == Condition.CONSUMING;
    }

    /** This state under a new condition, keeping {@code since} when the condition and detail did not change. */
    public ConsumerState then(Condition next, String nextDetail, int nextPartitions, long nextLag, Instant now) {
        var unchanged = condition == next && detail.equals(nextDetail);
        return new ConsumerState(next, nextDetail, unchanged ? since : now, nextPartitions, nextLag);
    }
}
