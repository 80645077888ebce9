package io.vizora.gateway;

import io.vizora.platform.kafka.ReliableProducer;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Heartbeats from agents to {@value #TOPIC}, as contract-checked CloudEvents on behalf of the
 * device: the agent's acknowledgement is sent only after Kafka acknowledged the event (guarantee 1),
 * so an agent that got no ack sends it again.
 */
@Component
public class Heartbeats implements AutoCloseable {

    static final String TOPIC = "vizora.presence";
    private static final String TYPE = "vizora.presence.heartbeat.v1";

    private final EventContract contract = EventContract.load();
    private final ReliableProducer producer;

    public Heartbeats(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        producer = new ReliableProducer(bootstrapServers);
    }

    /** Emits once Kafka has the heartbeat; fails with the contract's complaint if the body breaks it. */
    public Mono<Void> record(DeviceAuthentication.Device device, UUID messageId, JsonNode body) {
        var data = ((ObjectNode) body.deepCopy()).put("displayId", device.displayId().toString());
        if (!data.has("sentAt")) {
            data.put("sentAt", Instant.now().toString());
        }
        var id = messageId == null ? UUID.randomUUID() : messageId;
        var event = Envelope.json(id, TYPE, device.organisationId(), device.displayId().toString(), "device:" + device.displayId(),
                Instant.now(), data, "/vizora/push-gateway");
        var problems = contract.violations(event);
        if (!problems.isEmpty()) {
            return Mono.error(new IllegalArgumentException("the heartbeat breaks the contract: " + String.join("; ", problems)));
        }
        return producer.send(TOPIC, device.displayId().toString(), event);
    }

    @Override
    public void close() {
        producer.close();
    }
}
