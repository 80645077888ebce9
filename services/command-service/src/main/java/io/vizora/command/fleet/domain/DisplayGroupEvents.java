package io.vizora.command.fleet.domain;

import java.util.UUID;

/** What happens to display groups, as the contract names it. */
public final class DisplayGroupEvents {

    public record Created(UUID groupId, String name) {
        public static final String TYPE = "vizora.fleet.display_group_created.v1";
    }

    public record Renamed(UUID groupId, String name) {
        public static final String TYPE = "vizora.fleet.display_group_renamed.v1";
    }

    public record Deleted(UUID groupId) {
        public static final String TYPE = "vizora.fleet.display_group_deleted.v1";
    }

    private DisplayGroupEvents() {
    }
}
