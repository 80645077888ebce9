package io.vizora.platform.kafka.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.Map;
import java.util.Objects;

/**
 * A consumer group and the name this process keeps in it across restarts, if it has one (blank:
 * none). A named member is static (ADR 0022): restarted after a crash, it takes its partitions back
 * at once instead of waiting for the dead member's session to expire.
 */
public record ConsumerGroup(String id, String member) {

    /** How long a static member that is not coming back holds its partitions (the broker's minimum is 6 s). */
    static final int STATIC_SESSION_MS = 10_000;

    public ConsumerGroup {
        Objects.requireNonNull(id);
        member = member == null ? "" : member;
    }

    /** The consumer settings that put a consumer in this group, as this member. */
    public Map<String, Object> settings() {
        if (member.isBlank()) {
            return Map.of(ConsumerConfig.GROUP_ID_CONFIG, id);
        }
        // with more than one consumer, Spring's container suffixes each one's instance id with its index
        return Map.of(ConsumerConfig.GROUP_ID_CONFIG, id,
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id + "." + member,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, STATIC_SESSION_MS);
    }
}
