package io.vizora.gateway;

import io.vizora.device.CommandStatus;
import io.vizora.platform.kafka.ReliableProducer;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.PlayReports;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
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
    static final int MAX_REPORT_BYTES = 512 * 1024;
    private static final String SOURCE = "/vizora/push-gateway";
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String HEARTBEAT = "vizora.presence.heartbeat.v1";
    static final String FLEET = "vizora.fleet";
    private static final String COMMAND_REPORTED = "vizora.fleet.command_reported.v1";

    /** An event found valid by the contract, as bytes. */
    private record Checked(String type, byte[] event) {
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
     * Emits the number of plays once Kafka has the report: one {@value PlayReports#REPORT} event for
     * the whole batch (ADR 0033). The whole batch is checked first, so a batch with one bad play
     * puts nothing on the topic and the error names that play.
     */
    public Mono<Integer> plays(DeviceAuthentication.Device device, JsonNode body) {
        var plays = body.path("plays");
        if (!plays.isArray() || plays.isEmpty() || plays.size() > PlayReports.MAX_PLAYS) {
            return Mono.error(new IllegalArgumentException("body.plays must be an array of 1 to " + PlayReports.MAX_PLAYS + " plays"));
        }
        // checking up to 500 plays against the schema is CPU work: off the socket's event loop
        return Mono.fromCallable(() -> reports(device, (ArrayNode) plays)).subscribeOn(Schedulers.parallel())
                .flatMap(reports -> send(PLAYBACK, device, reports).thenReturn(plays.size()));
    }

    private List<Checked> reports(DeviceAuthentication.Device device, ArrayNode plays) {
        var whole = check(PlayReports.REPORT, device, reportId(device, plays, 0, plays.size()), PlayReports.report(device.displayId(), plays), "a play");
        var reports = new ArrayList<Checked>(1);
        split(device, plays, 0, plays.size(), whole, reports);
        return reports;
    }

    /**
     * A report larger than {@value #MAX_REPORT_BYTES} bytes as two halves, each checked as part of
     * the whole: 500 plays with long error texts in a non-Latin script can exceed Kafka's default
     * record size of 1 MiB.
     */
    private static void split(DeviceAuthentication.Device device, ArrayNode plays, int from, int to, Checked report, List<Checked> reports) {
        if (report.event().length <= MAX_REPORT_BYTES || to - from == 1) {
            reports.add(report);
            return;
        }
        var half = from + (to - from) / 2;
        split(device, plays, from, half, part(device, plays, from, half), reports);
        split(device, plays, half, to, part(device, plays, half, to), reports);
    }

    private static Checked part(DeviceAuthentication.Device device, ArrayNode plays, int from, int to) {
        var part = JsonNodeFactory.instance.arrayNode(to - from);
        for (int i = from; i < to; i++) {
            part.add(plays.get(i));
        }
        return new Checked(PlayReports.REPORT, JSON.writeValueAsBytes(envelope(PlayReports.REPORT, device, reportId(device, plays, from, to),
                PlayReports.report(device.displayId(), part))));
    }

    private static UUID reportId(DeviceAuthentication.Device device, ArrayNode plays, int from, int to) {
        var ids = new ArrayList<String>(to - from);
        for (int i = from; i < to; i++) {
            var playId = plays.get(i).path("playId");
            if (!playId.isString() || !isUuid(playId.asString())) {
                throw new IllegalArgumentException("play " + i + ": playId must be a UUID");
            }
            ids.add(playId.asString());
        }
        return PlayReports.reportId(device.displayId(), ids);
    }

    private static ObjectNode data(DeviceAuthentication.Device device, JsonNode body) {
        var data = body.isObject() ? (ObjectNode) body.deepCopy() : JsonNodeFactory.instance.objectNode();
        return data.put("displayId", device.displayId().toString());
    }

    private static ObjectNode envelope(String type, DeviceAuthentication.Device device, UUID id, ObjectNode data) {
        return Envelope.tree(id, type, device.organisationId(), device.displayId().toString(), "device:" + device.displayId(),
                Instant.now(), data, SOURCE);
    }

    private Checked check(String type, DeviceAuthentication.Device device, UUID id, ObjectNode data, String what) {
        var event = envelope(type, device, id, data);
        var problems = contract.violations(event);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " breaks the contract: " + String.join("; ", problems));
        }
        return new Checked(type, JSON.writeValueAsBytes(event));
    }

    /**
     * Each record names its type (consumers pass over types they ignore unread) and the contract it
     * was checked against (consumers with the same contract do not check it again, ADR 0038).
     */
    private Mono<Void> send(String topic, DeviceAuthentication.Device device, List<Checked> events) {
        return Flux.fromIterable(events).flatMap(checked -> {
            var record = new ProducerRecord<>(topic, device.displayId().toString(), checked.event());
            record.headers().add(Envelope.TYPE_HEADER, checked.type().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventContract.CHECKED_HEADER, contract.stamp().getBytes(StandardCharsets.UTF_8));
            return producer.send(record);
        }).then();
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
