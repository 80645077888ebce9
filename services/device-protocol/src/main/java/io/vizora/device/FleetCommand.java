package io.vizora.device;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of a {@code command} message (gateway → agent): one fleet command for this display.
 * The command is a string, not an enum, so that an agent older than a command reads the message
 * and refuses it by name instead of failing to parse it.
 */
public record FleetCommand(UUID commandId, String command, Instant issuedAt, Instant expiresAt) {

    public static final String RELOAD = "reload";
    public static final String RESTART = "restart";
    public static final String CLEAR_CACHE = "clear_cache";
    public static final String SCREENSHOT = "screenshot";
    public static final String IDENTIFY = "identify";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public ObjectNode json() {
        return JSON.createObjectNode().put("commandId", commandId.toString()).put("command", command)
                .put("issuedAt", issuedAt.toString()).put("expiresAt", expiresAt.toString());
    }

    public String text() {
        return JSON.writeValueAsString(json());
    }

    /** Reads a body; every property is required, unknown ones are ignored. */
    public static FleetCommand read(JsonNode body) {
        try {
            return new FleetCommand(UUID.fromString(Fields.text(body, "commandId")), Fields.text(body, "command"),
                    Instant.parse(Fields.text(body, "issuedAt")), Instant.parse(Fields.text(body, "expiresAt")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a command: " + e.getMessage(), e);
        }
    }

    public static FleetCommand read(String text) {
        return read(JSON.readTree(text));
    }
}
