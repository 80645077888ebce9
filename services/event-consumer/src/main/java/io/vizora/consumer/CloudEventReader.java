package io.vizora.consumer;

import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.Formats;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a Kafka record as a CloudEvent, refusing any that breaks the contract; one its producer
 * checked against this same contract is not checked again (ADR 0038).
 */
public final class CloudEventReader {

    private final EventContract contract;

    public CloudEventReader(EventContract contract) {
        this.contract = contract;
    }

    /** What the record's producer says it checked the event against, or null (ADR 0038). */
    public static byte[] stampOf(ConsumerRecord<?, ?> record) {
        var stamp = record.headers().lastHeader(EventContract.CHECKED_HEADER);
        return stamp == null ? null : stamp.value();
    }

    public ConsumedEvent read(ConsumerRecord<String, byte[]> record) {
        return read(record, type -> true).orElseThrow();
    }

    /**
     * The event, or empty when its type is one {@code folds} refuses: such an event is passed over
     * without being checked against its schema, the costliest part of reading (a consumer that
     * folds it checks it), and without being parsed when its record names the type in a header.
     */
    public Optional<ConsumedEvent> read(ConsumerRecord<String, byte[]> record, Predicate<String> folds) {
        var named = record.headers().lastHeader(Envelope.TYPE_HEADER);
        if (named != null && !folds.test(new String(named.value(), StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(record.value() == null ? new byte[0] : record.value());
        } catch (JacksonException e) {
            throw new ContractViolationException(null, List.of("not JSON: " + e.getOriginalMessage()));
        }
        var type = json.path("type");
        if (type.isString() && !folds.test(type.asString())) {
            return Optional.empty();
        }
        if (!contract.checked(stampOf(record))) {
            var problems = contract.violations(json);
            if (!problems.isEmpty()) {
                throw new ContractViolationException(json.path("type").asString(null), problems);
            }
        }
        return Optional.of(new ConsumedEvent(
                UUID.fromString(json.path("id").asString()),
                json.path("type").asString(),
                json.path("subject").asString(),
                UUID.fromString(json.path("tenantid").asString()),
                json.path("principal").asString(),
                Formats.instant(json.path("time").asString()),
                json.path("data"),
                record.topic(), record.partition(), record.offset()));
    }
}
