package io.vizora.consumer;

import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** Reads a Kafka record as a CloudEvent, refusing any that breaks the contract. */
public final class CloudEventReader {

    private final EventContract contract;

    public CloudEventReader(EventContract contract) {
        this.contract = contract;
    }

    public ConsumedEvent read(ConsumerRecord<String, byte[]> record) {
        var bytes = record.value() == null ? new byte[0] : record.value();
        var problems = contract.violations(bytes);
        if (!problems.isEmpty()) {
            throw new ContractViolationException(null, problems);
        }
        var json = JsonMapper.shared().readTree(bytes);
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
