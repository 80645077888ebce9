package io.vizora.schedule;

import java.util.UUID;

/** Where a screen fetches a content item and how it checks what it fetched. */
public record ContentRef(UUID contentId, String url, String sha256, String mediaType) {
}
