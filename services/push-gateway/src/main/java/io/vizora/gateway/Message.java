package io.vizora.gateway;

import io.vizora.device.MessageTypes;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope for everything on the socket, both ways: an id, a type, a timestamp, the id of
 * the message it answers (acknowledgements, replies), and a body. New message types (fleet
 * commands, proof of play) fit in without a protocol break; see docs/device-protocol.md.
 */
public record Message(UUID id, String type, Instant ts, UUID replyTo, JsonNode body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static Message of(String type, UUID replyTo, JsonNode body) {
        return new Message(UUID.randomUUID(), type, Instant.now(), replyTo, body);
    }

    public static Message error(UUID replyTo, String detail) {
        ObjectNode body = JSON.createObjectNode().put("detail", detail);
        return of(MessageTypes.ERROR, replyTo, body);
    }

    /**
     * A manifest as the projector stored it (its JSON), in reply to a hello or pushed (replyTo null).
     * It goes out as it came: read once for its version, not built into a tree and written again
     * (half the JSON work per screen of a fleet-wide change: 4.5 µs instead of 9.5 µs for a
     * 2.5 KiB manifest, measured in a loop on this machine).
     */
    public static Message manifest(UUID replyTo, String manifestJson) {
        return of(MessageTypes.MANIFEST, replyTo,
                JSON.createObjectNode().put("version", versionOf(manifestJson)).putRawValue("manifest", new RawValue(manifestJson)));
    }

    /**
     * The manifest's top-level version. Every token is read on the way, so text that is not one
     * JSON object with a whole-number version is refused here, never passed on to a screen.
     */
    static long versionOf(String manifestJson) {
        try (var parser = JSON.createParser(manifestJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a manifest is a JSON object");
            }
            Long version = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                var name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_NUMBER_INT && name.equals("version")) {
                    version = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("a manifest is one JSON object");
            }
            if (version == null) {
                throw new IllegalArgumentException("a manifest has a version");
            }
            return version;
        }
    }

    public static Message unpaired() {
        return of(MessageTypes.UNPAIRED, null, JSON.createObjectNode());
    }

    public static Message tokenExpiring(Instant expiresAt) {
        return of(MessageTypes.TOKEN_EXPIRING, null, JSON.createObjectNode().put("expiresAt", expiresAt.toString()));
    }

    public static Message command(io.vizora.device.FleetCommand command) {
        return of(MessageTypes.COMMAND, null, command.json());
    }

    public static Message parse(String text) {
        var node = JSON.readTree(text);
        if (!node.isObject() || !node.path("type").isString()) {
            throw new IllegalArgumentException("a message is a JSON object with a type");
        }
        return new Message(node.path("id").isString() ? UUID.fromString(node.get("id").asString()) : null,
                node.get("type").asString(), Instant.now(),
                node.path("replyTo").isString() ? UUID.fromString(node.get("replyTo").asString()) : null,
                node.path("body"));
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
