package io.vizora.schemas;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the device protocol's documents against their schemas ({@code vizora/device/}): the
 * manifest, which the projector writes, the gateway delivers and the agent reads, and the bodies of
 * the fleet command messages ({@code command}, {@code command_status}).
 */
public final class DeviceContract {

    /** Where the manifest's schema and golden sample live on the classpath. */
    public static final String MANIFEST_SCHEMA = "vizora/device/manifest.v1.schema.json";
    public static final String MANIFEST_SAMPLE = "vizora/device/samples/manifest.v1.json";

    /** The message bodies with a schema, by message type; each has its golden sample in {@code device/samples/<type>.v1.json}. */
    public static final java.util.List<String> MESSAGES = java.util.List.of("command", "command_status");

    private final Schema manifest;
    private final java.util.Map<String, Schema> messages = new java.util.HashMap<>();

    private DeviceContract() {
        this.manifest = EventContract.registry().getSchema(EventContract.readResource(MANIFEST_SCHEMA));
        MESSAGES.forEach(type -> messages.put(type, EventContract.registry().getSchema(EventContract.readResource("vizora/device/" + type + ".v1.schema.json"))));
    }

    public static String sample(String type) {
        return "vizora/device/samples/" + type + ".v1.json";
    }

    /** What is wrong with the body of a message of this type, or nothing. */
    public List<String> messageViolations(String type, JsonNode body) {
        var schema = messages.get(type);
        if (schema == null) {
            throw new IllegalArgumentException("no schema for message type " + type);
        }
        var problems = new ArrayList<String>();
        schema.validate(body).forEach(error -> problems.add(error.getInstanceLocation() + " " + error.getMessage()));
        return problems;
    }

    public static DeviceContract load() {
        return new DeviceContract();
    }

    /** What is wrong with a manifest, or nothing. */
    public List<String> manifestViolations(JsonNode document) {
        var problems = new ArrayList<String>();
        manifest.validate(document).forEach(error -> problems.add(error.getInstanceLocation() + " " + error.getMessage()));
        return problems;
    }
}
