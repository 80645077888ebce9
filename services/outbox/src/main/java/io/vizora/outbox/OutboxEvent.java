package io.vizora.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * An event a command emits: its type, the aggregate it is about (the CloudEvent subject and the
 * Kafka key), the tenant, who caused it, and its data (a record serialised as JSON).
 */
public record OutboxEvent(String type, String aggregateId, UUID tenantId, Principal principal, Object data) {

    public OutboxEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(data, "data");
    }

    public OutboxEvent(String type, UUID aggregateId, UUID tenantId, Principal principal, Object data) {
        this(type, aggregateId.toString(), tenantId, principal, data);
    }
}
