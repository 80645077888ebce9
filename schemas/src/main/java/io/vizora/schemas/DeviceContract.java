package io.vizora.schemas;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the device protocol's documents against their schemas ({@code vizora/device/}): the
 * manifest, which the projector writes, the gateway delivers and the agent reads, and every
 * message on a screen's socket ({@code messages/}, one schema per type for its body, golden
 * samples in {@code samples/messages/}). A heartbeat's body and each play are the data of their
 * events without the display id the gateway adds, so they are checked against the events' schemas
 * (each play as it stands in a report): one schema for what the agent sends and what Kafka carries.
 */
public final class DeviceContract {

    /** Where the manifest's schema and golden sample live on the classpath. */
    public static final String MANIFEST_SCHEMA = "vizora/device/manifest.v1.schema.json";
    public static final String MANIFEST_SAMPLE = "vizora/device/samples/manifest.v1.json";

    /** Every message type, both ways, with a body schema or (heartbeat) an event's. */
    public static final List<String> MESSAGES = List.of("hello", "manifest", "heartbeat", "plays", "token", "token_expiring", "ack", "unpaired",
            "error", "command", "command_status");
    static final String HEARTBEAT_EVENT = "vizora.presence.heartbeat.v1";
    /** Stands in for the display id the gateway adds before it checks a body against an event's schema. */
    private static final String ANY_DISPLAY = "00000000-0000-4000-8000-000000000000";

    private final Schema manifest;
    private final Schema envelope;
    private final Map<String, Schema> bodies = new HashMap<>();
    private final Schema heartbeat;
    private final Schema play;

    private DeviceContract() {
        var registry = EventContract.registry();
        this.manifest = registry.getSchema(EventContract.readResource(MANIFEST_SCHEMA));
        this.envelope = registry.getSchema(EventContract.readResource(schema("message")));
        MESSAGES.stream().filter(type -> !type.equals("heartbeat"))
                .forEach(type -> bodies.put(type, registry.getSchema(EventContract.readResource(schema(type)))));
        var events = EventContract.load();
        this.heartbeat = registry.getSchema(events.dataSchema(HEARTBEAT_EVENT));
        this.play = registry.getSchema(EventContract.playInReport());
    }

    public static DeviceContract load() {
        return new DeviceContract();
    }

    /** Every schema of the device protocol by the name it is published under (manifest.v1, messages.hello.v1, ...), and where it is. */
    public static Map<String, String> schemas() {
        var schemas = new java.util.TreeMap<String, String>();
        schemas.put("manifest.v1", MANIFEST_SCHEMA);
        schemas.put("messages.message.v1", schema("message"));
        MESSAGES.stream().filter(type -> !type.equals("heartbeat")).forEach(type -> schemas.put("messages." + type + ".v1", schema(type)));
        return schemas;
    }

    static String schema(String type) {
        return "vizora/device/messages/" + type + ".v1.schema.json";
    }

    /** The golden sample of a message type's body ({@code message}: of a whole message). */
    public static String sample(String type) {
        return "vizora/device/samples/messages/" + type + ".v1.json";
    }

    /** What is wrong with a manifest, or nothing. */
    public List<String> manifestViolations(JsonNode document) {
        return problems(manifest, document, "");
    }

    /** What is wrong with a whole message (envelope and body), or nothing. */
    public List<String> violations(JsonNode message) {
        var problems = problems(envelope, message, "");
        if (problems.isEmpty() && MESSAGES.contains(message.get("type").asString())) {
            problems.addAll(messageViolations(message.get("type").asString(), message.get("body")));
        }
        return problems;
    }

    /** What is wrong with the body of a message of this type, or nothing. */
    public List<String> messageViolations(String type, JsonNode body) {
        if (type.equals("heartbeat")) {
            return problems(heartbeat, withDisplay(body), "");
        }
        var schema = bodies.get(type);
        if (schema == null) {
            throw new IllegalArgumentException("no schema for message type " + type);
        }
        var problems = problems(schema, body, "");
        if (!problems.isEmpty()) {
            return problems;
        }
        switch (type) {
            case "manifest" -> problems.addAll(problems(manifest, body.get("manifest"), "/manifest"));
            case "plays" -> {
                for (int i = 0; i < body.get("plays").size(); i++) {
                    problems.addAll(problems(play, body.get("plays").get(i), "/plays/" + i));
                }
            }
            default -> { }
        }
        return problems;
    }

    private static ObjectNode withDisplay(JsonNode body) {
        var data = body.isObject() ? (ObjectNode) body.deepCopy() : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        return data.put("displayId", ANY_DISPLAY);
    }

    private static List<String> problems(Schema schema, JsonNode node, String at) {
        var problems = new ArrayList<String>();
        schema.validate(node).forEach(error -> problems.add(at + error.getInstanceLocation() + " " + error.getMessage()));
        return problems;
    }
}
