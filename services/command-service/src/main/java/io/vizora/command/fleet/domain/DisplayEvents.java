package io.vizora.command.fleet.domain;

import java.util.List;
import java.util.UUID;

/** What happens to displays, as the contract names it. */
public final class DisplayEvents {

    /** defaultPlaylistId is null (and left out of the event) when the display follows the organisation's default. */
    public record Paired(UUID displayId, String name, String timeZone, List<UUID> groupIds, List<String> tags, UUID defaultPlaylistId) {
        public static final String TYPE = "vizora.fleet.display_paired.v1";

        public Paired(UUID displayId, DisplayProfile profile, UUID defaultPlaylistId) {
            this(displayId, profile.name(), profile.timeZone(), profile.groupIds(), profile.tags(), defaultPlaylistId);
        }
    }

    public record Updated(UUID displayId, String name, String timeZone, List<UUID> groupIds, List<String> tags, UUID defaultPlaylistId) {
        public static final String TYPE = "vizora.fleet.display_updated.v1";

        public Updated(UUID displayId, DisplayProfile profile, UUID defaultPlaylistId) {
            this(displayId, profile.name(), profile.timeZone(), profile.groupIds(), profile.tags(), defaultPlaylistId);
        }
    }

    public record Unpaired(UUID displayId) {
        public static final String TYPE = "vizora.fleet.display_unpaired.v1";
    }

    private DisplayEvents() {
    }
}
