package io.vizora.schemas;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one reader of proof of play on {@code vizora.playback} (ADR 0033). An agent's report of up to
 * 500 plays travels as one {@value #REPORT} event; events of the older form, one
 * {@value #PLAY} per play, may still be on the topic and are read the same way. Either way, each
 * play comes out as the data of a {@value #PLAY} with its play id: what the contract checks each
 * play against, what the analytics ingest stores and what partners receive.
 */
public final class PlayReports {

    public static final String REPORT = "vizora.playback.plays_reported.v1";
    public static final String PLAY = "vizora.playback.play_reported.v1";
    public static final int MAX_PLAYS = 500;

    /** One play: its id (the agent's playId) and its data as a {@value #PLAY} event carries it. */
    public record Play(UUID id, ObjectNode data) {
    }

    private PlayReports() {
    }

    /** Whether events of this type carry plays. */
    public static boolean carriesPlays(String type) {
        return REPORT.equals(type) || PLAY.equals(type);
    }

    /**
     * The plays of a {@value #REPORT} or a {@value #PLAY} event, whose id is the play's. The plays
     * share the report's nodes: change a copy, not them.
     */
    public static List<Play> plays(String type, UUID eventId, JsonNode data) {
        return switch (type) {
            case PLAY -> List.of(new Play(eventId, (ObjectNode) data));
            case REPORT -> {
                var display = data.get("displayId");
                var plays = new ArrayList<Play>(data.get("plays").size());
                for (var item : data.get("plays")) {
                    var play = JsonNodeFactory.instance.objectNode();
                    play.set("displayId", display);
                    item.properties().forEach(field -> {
                        if (!field.getKey().equals("playId")) {
                            play.set(field.getKey(), field.getValue());
                        }
                    });
                    plays.add(new Play(UUID.fromString(item.get("playId").asString()), play));
                }
                yield plays;
            }
            default -> throw new IllegalArgumentException(type + " carries no plays");
        };
    }

    /** A report's data: the display and its plays as the agent sent them, each with its playId. */
    public static ObjectNode report(UUID display, JsonNode plays) {
        var data = JsonNodeFactory.instance.objectNode().put("displayId", display.toString());
        data.set("plays", plays);
        return data;
    }

    /** A report's event id: the same display and the same plays in the same order give the same id. */
    public static UUID reportId(UUID display, List<String> playIds) {
        var name = new StringBuilder(37 * (playIds.size() + 1)).append(display);
        playIds.forEach(id -> name.append('/').append(id));
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
