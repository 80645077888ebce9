package io.vizora.device;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of a {@code command_status} message (agent → gateway): where the display stands with a
 * command. {@code delivered} comes first; {@code done}, {@code failed} and {@code refused} are final.
 *
 * @param detail       what happened, in words (null: nothing to add)
 * @param screenshotId the screenshot a done {@code screenshot} command took (null: none)
 */
public record CommandStatus(UUID commandId, State state, Instant at, String detail, UUID screenshotId) {

    public static final int MAX_DETAIL = 500;

    public enum State {
        DELIVERED, DONE, FAILED, REFUSED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean isFinal() {
            return this != DELIVERED;
        }

        static State of(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CommandStatus {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
    }

    public static CommandStatus of(UUID commandId, State state, String detail) {
        return new CommandStatus(commandId, state, Instant.now(), detail, null);
    }

    public CommandStatus withScreenshot(UUID screenshot) {
        return new CommandStatus(commandId, state, at, detail, screenshot);
    }

    public ObjectNode json() {
        var body = JSON.createObjectNode().put("commandId", commandId.toString()).put("state", state.wire()).put("at", at.toString());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (screenshotId != null) {
            body.put("screenshotId", screenshotId.toString());
        }
        return body;
    }

    /** Reads a body; {@code detail} and {@code screenshotId} are optional, unknown properties are ignored. */
    public static CommandStatus read(JsonNode body) {
        try {
            return new CommandStatus(UUID.fromString(Fields.text(body, "commandId")), State.of(Fields.text(body, "state")),
                    Instant.parse(Fields.text(body, "at")), body.path("detail").isString() ? body.get("detail").asString() : null,
                    body.path("screenshotId").isString() ? UUID.fromString(body.get("screenshotId").asString()) : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a command status: " + e.getMessage(), e);
        }
    }
}
