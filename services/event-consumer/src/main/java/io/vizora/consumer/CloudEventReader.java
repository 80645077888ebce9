package io.vizora.consumer;

import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads a Kafka record as a CloudEvent, refusing any that breaks the contract. */
public final class CloudEventReader {

    private final EventContract contract;

    public CloudEventReader(EventContract contract) {
        this.contract = contract;
    }

    public ConsumedEvent read(ConsumerRecord<String, byte[]> record) {
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(record.value() == null ? new byte[0] : record.value());
        } catch (JacksonException e) {
            throw new ContractViolationException(null, List.of("not JSON: " + e.getOriginalMessage()));
        }
        var problems = contract.violations(json);
        if (!problems.isEmpty()) {
            throw new ContractViolationException(json.path("type").asString(null), problems);
        }
        return new ConsumedEvent(
                UUID.fromString(json.path("id").asString()),
                json.path("type").asString(),
                json.path("subject").asString(),
                UUID.fromString(json.path("tenantid").asString()),
                json.path("principal").asString(),
                Instant.parse(json.path("time").asString()),
                json.path("data"),
                record.topic(), record.partition(), record.offset());
    }
}
