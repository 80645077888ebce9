package io.vizora.gateway;

import io.vizora.device.MessageTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    /** A manifest as the projector stored it (its JSON), in reply to a hello or pushed (replyTo null). */
    public static Message manifest(UUID replyTo, String manifestJson) {
        var manifest = tree(manifestJson);
        return of(MessageTypes.MANIFEST, replyTo, JSON.createObjectNode().put("version", manifest.get("version").asLong()).set("manifest", manifest));
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
