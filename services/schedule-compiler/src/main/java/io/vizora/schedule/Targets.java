package io.vizora.schedule;

import java.util.List;
import java.util.UUID;

/** The displays a campaign is aimed at: directly, through their groups, and through their tags. Sorted, without repeats. */
public record Targets(List<UUID> displayIds, List<UUID> groupIds, List<String> tags) {

    public static final int MAX_EACH = 1000;

    public Targets {
        displayIds = displayIds.stream().distinct().sorted().toList();
        groupIds = groupIds.stream().distinct().sorted().toList();
        tags = tags.stream().distinct().sorted().toList();
    }

    public boolean none() {
        return displayIds.isEmpty() && groupIds.isEmpty() && tags.isEmpty();
    }

    /** Whether a display is among the targets: by its id, any of its groups, or any of its tags. */
    public boolean reach(DisplaySetting display) {
        return displayIds.contains(display.displayId())
                || display.groupIds().stream().anyMatch(groupIds::contains)
                || display.tags().stream().anyMatch(tags::contains);
    }
}
