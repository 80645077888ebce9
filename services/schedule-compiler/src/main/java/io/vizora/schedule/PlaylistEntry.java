package io.vizora.schedule;

import java.util.UUID;

/** One item of a playlist: a content item shown for a duration. */
public record PlaylistEntry(UUID contentId, int durationMs) {
}
