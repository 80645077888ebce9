package io.vizora.schedule;

import java.util.List;
import java.util.UUID;

/**
 * The displays a campaign is aimed at: directly, through their groups, through their tags, or all of
 * the organisation's, present and future ({@code wholeOrganisation}). Sorted, without repeats.
 */
public record Targets(List<UUID> displayIds, List<UUID> groupIds, List<String> tags, boolean wholeOrganisation) {

    public static final int MAX_EACH = 1000;

    public Targets(List<UUID> displayIds, List<UUID> groupIds, List<String> tags) {
        this(displayIds, groupIds, tags, false);
    }

    public Targets {
        displayIds = displayIds.stream().distinct().sorted().toList();
        groupIds = groupIds.stream().distinct().sorted().toList();
        tags = tags.stream().distinct().sorted().toList();
    }

    public boolean none() {
        return !wholeOrganisation && displayIds.isEmpty() && groupIds.isEmpty() && tags.isEmpty();
    }

    /** Whether a display is among the targets: all of them, or by its id, any of its groups, or any of its tags. */
    public boolean reach(DisplaySetting display) {
        return wholeOrganisation
                || displayIds.contains(display.displayId())
                || display.groupIds().stream().anyMatch(groupIds::contains)
                || display.tags().stream().anyMatch(tags::contains);
    }
}
