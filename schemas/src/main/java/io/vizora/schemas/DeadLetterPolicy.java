package io.vizora.schemas;

/** How every dead-letter topic is kept. */
public record DeadLetterPolicy(int partitions, long retentionMs, String cleanupPolicy) {
}
