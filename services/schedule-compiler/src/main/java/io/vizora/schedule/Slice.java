package io.vizora.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stretch of time in which a display plays one thing: the items loop from the slice's start
 * until its end. {@code campaignIds} are the winning campaigns in interleaving order.
 */
public record Slice(Instant start, Instant end, Source source, List<UUID> campaignIds, List<PlayItem> items) {

    /** Why a slice plays what it plays, in order of precedence. */
    public enum Source { TAKEOVER, CAMPAIGN, DISPLAY_DEFAULT, ORGANISATION_DEFAULT, BLANK }

    public Slice {
        campaignIds = List.copyOf(campaignIds);
        items = List.copyOf(items);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a slice lasts a while: " + start + " is not before " + end);
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
