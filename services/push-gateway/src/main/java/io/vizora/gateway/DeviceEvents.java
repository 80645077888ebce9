package io.vizora.gateway;

import io.vizora.device.CommandStatus;
import io.vizora.platform.kafka.ReliableProducer;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What agents report, as contract-checked CloudEvents on the device's behalf: heartbeats to
 * {@value #PRESENCE}, proof of play to {@value #PLAYBACK}. Their whole state is the event, so the
 * agent is acknowledged only after Kafka acknowledged every event (guarantee 1,
 * docs/architecture.md); an agent that got no acknowledgement sends the same ids again, and
 * consumers deduplicate by id.
 */
@Component
public class DeviceEvents implements AutoCloseable {

    static final String PRESENCE = "vizora.presence";
    static final String PLAYBACK = "vizora.playback";
    static final int MAX_PLAYS_PER_BATCH = 500;
    private static final String HEARTBEAT = "vizora.presence.heartbeat.v1";
    private static final String PLAY_REPORTED = "vizora.playback.play_reported.v1";
    static final String FLEET = "vizora.fleet";
    private static final String COMMAND_REPORTED = "vizora.fleet.command_reported.v1";

    private record Checked(byte[] event) {
    }

    private final EventContract contract = EventContract.load();
    private final ReliableProducer producer;

    public DeviceEvents(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        producer = new ReliableProducer(bootstrapServers);
    }

    /** Emits once Kafka has the heartbeat; fails with the contract's complaint if the body breaks it. */
    public Mono<Void> heartbeat(DeviceAuthentication.Device device, UUID messageId, JsonNode body) {
        var data = data(device, body);
        if (!data.has("sentAt")) {
            data.put("sentAt", Instant.now().toString());
        }
        try {
            return send(PRESENCE, device, List.of(check(HEARTBEAT, device, messageId == null ? UUID.randomUUID() : messageId, data, "the heartbeat")));
        } catch (IllegalArgumentException refused) {
            return Mono.error(refused);
        }
    }

    /**
     * Emits once Kafka has the display's report on a command. Its event id is the same for the same
     * display, command and state, so a report sent again (its acknowledgement lost) is one event to
     * every consumer.
     */
    public Mono<Void> commandReported(DeviceAuthentication.Device device, JsonNode body) {
        try {
            var status = CommandStatus.read(body);
            var data = data(device, status.json());
            var id = UUID.nameUUIDFromBytes((device.displayId() + "/" + status.commandId() + "/" + status.state().wire())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return send(FLEET, device, List.of(check(COMMAND_REPORTED, device, id, data, "the command status")));
        } catch (IllegalArgumentException refused) {
            return Mono.error(refused);
        }
    }

    /**
     * Emits the number of plays once Kafka has all of them. The whole batch is checked first, so a
     * batch with one bad play puts nothing on the topic and the error names that play.
     */
    public Mono<Integer> plays(DeviceAuthentication.Device device, JsonNode body) {
        var plays = body.path("plays");
        if (!plays.isArray() || plays.isEmpty() || plays.size() > MAX_PLAYS_PER_BATCH) {
            return Mono.error(new IllegalArgumentException("body.plays must be an array of 1 to " + MAX_PLAYS_PER_BATCH + " plays"));
        }
        // checking up to 500 plays against the schema is CPU work: off the socket's event loop
        return Mono.fromCallable(() -> checkAll(device, plays)).subscribeOn(Schedulers.parallel())
                .flatMap(checked -> send(PLAYBACK, device, checked).thenReturn(checked.size()));
    }

    private List<Checked> checkAll(DeviceAuthentication.Device device, JsonNode plays) {
        var checked = new ArrayList<Checked>(plays.size());
        for (int i = 0; i < plays.size(); i++) {
            var play = plays.get(i);
            var what = "play " + i;
            if (!play.isObject()) {
                throw new IllegalArgumentException(what + " is not an object");
            }
            var data = data(device, play);
            var playId = data.remove("playId");
            if (playId == null || !playId.isString() || !isUuid(playId.asString())) {
                throw new IllegalArgumentException(what + ": playId must be a UUID");
            }
            checked.add(check(PLAY_REPORTED, device, UUID.fromString(playId.asString()), data, what));
        }
        return checked;
    }

    private static ObjectNode data(DeviceAuthentication.Device device, JsonNode body) {
        var data = body.isObject() ? (ObjectNode) body.deepCopy() : JsonNodeFactory.instance.objectNode();
        return data.put("displayId", device.displayId().toString());
    }

    private Checked check(String type, DeviceAuthentication.Device device, UUID id, ObjectNode data, String what) {
        var event = Envelope.json(id, type, device.organisationId(), device.displayId().toString(), "device:" + device.displayId(),
                Instant.now(), data, "/vizora/push-gateway");
        var problems = contract.violations(event);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " breaks the contract: " + String.join("; ", problems));
        }
        return new Checked(event);
    }

    private Mono<Void> send(String topic, DeviceAuthentication.Device device, List<Checked> events) {
        return Flux.fromIterable(events).flatMap(checked -> producer.send(topic, device.displayId().toString(), checked.event())).then();
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
