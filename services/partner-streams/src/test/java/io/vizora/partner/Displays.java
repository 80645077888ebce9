package io.vizora.partner;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The data of a display's pairing or update event, as the command service writes it. */
final class Displays {

    private Displays() {
    }

    static Map<String, Object> data(UUID id, String name) {
        return Map.of("displayId", id.toString(), "name", name, "timeZone", "Europe/Berlin", "groupIds", List.of(), "tags", List.of());
    }
}
