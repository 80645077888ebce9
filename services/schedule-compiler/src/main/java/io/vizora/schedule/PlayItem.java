package io.vizora.schedule;

import java.util.UUID;

/** One item a screen plays: the content, how to fetch and verify it, for how long, and for which campaign (null: a default). */
public record PlayItem(UUID contentId, String url, String sha256, String mediaType, int durationMs, UUID campaignId) {
}
