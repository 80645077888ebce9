package io.vizora.agent.playback;

import java.time.Instant;
import java.util.UUID;

/**
 * What is on screen: the content, where its bytes are (the cache's digest, or a live URL for a web
 * page), since and until when. {@code fallback} says it stands in for an item that could not be shown.
 */
public record Showing(UUID contentId, UUID campaignId, String mediaType, String sha256, String url, boolean fromCache, Instant since,
                      Instant until, boolean fallback) {
}
