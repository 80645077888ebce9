package io.vizora.schedule;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What the compiler needs to know of a display: where it is in time, how it is targeted, its own default. */
public record DisplaySetting(UUID displayId, ZoneId zone, Set<UUID> groupIds, Set<String> tags, Optional<UUID> defaultPlaylistId) {

    public DisplaySetting {
        groupIds = Set.copyOf(groupIds);
        tags = Set.copyOf(tags);
    }
}
