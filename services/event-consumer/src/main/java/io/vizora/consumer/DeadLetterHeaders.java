package io.vizora.consumer;

/** Headers a dead-lettered record carries besides Spring Kafka's own (original topic, offset, exception). */
public final class DeadLetterHeaders {

    /** Why the record was dead-lettered, in one line, for the operator. */
    public static final String REASON = "vizora-dead-letter-reason";

    /** The consumer that gave up on it. */
    public static final String CONSUMER = "vizora-dead-letter-consumer";

    private DeadLetterHeaders() {
    }
}
