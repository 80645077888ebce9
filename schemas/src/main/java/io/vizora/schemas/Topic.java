package io.vizora.schemas;

import java.util.List;

/** One Kafka topic of the catalogue: what its key is, how it is kept, which event types it carries. */
public record Topic(String name, String key, int partitions, long retentionMs, String cleanupPolicy,
                    String deadLetterTopic, List<String> eventTypes) {

    public Topic {
        eventTypes = List.copyOf(eventTypes);
    }
}
