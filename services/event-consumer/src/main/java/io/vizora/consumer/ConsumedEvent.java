package io.vizora.consumer;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** An event as a consumer sees it: the CloudEvent's attributes, its data, and where it was read. */
public record ConsumedEvent(UUID id, String type, String subject, UUID tenantId, String principal, Instant time,
                            JsonNode data, String topic, int partition, long offset) {
}
