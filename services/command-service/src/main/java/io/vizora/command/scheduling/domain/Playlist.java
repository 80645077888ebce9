package io.vizora.command.scheduling.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An ordered loop of content items, each shown for its duration. */
public record Playlist(String name, List<Item> items) {

    public record Item(UUID contentId, int durationMs) {
    }

    public static final int MAX_ITEMS = 500;
    public static final int MIN_DURATION_MS = 1_000;
    public static final int MAX_DURATION_MS = 86_400_000;

    public Playlist {
        items = List.copyOf(items);
    }

    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (items.size() > MAX_ITEMS) {
            problems.add("a playlist has at most " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            var duration = items.get(i).durationMs();
            if (duration < MIN_DURATION_MS || duration > MAX_DURATION_MS) {
                problems.add("item " + (i + 1) + " lasts " + duration + " ms; an item lasts from 1 s (1000) to 24 h (86400000)");
            }
        }
        return problems;
    }

    public List<UUID> contentIds() {
        return items.stream().map(Item::contentId).distinct().toList();
    }
}
