package io.vizora.command.content.domain;

import java.util.UUID;

/** What happens to content, as the contract names it. */
public final class ContentEvents {

    /** objectKey for files, url for web pages: the other is null and left out of the event. */
    public record Uploaded(UUID contentId, String name, String kind, String mediaType, long sizeBytes, String sha256,
                           String objectKey, String url) {
        public static final String TYPE = "vizora.content.content_uploaded.v1";
    }

    public record Renamed(UUID contentId, String name) {
        public static final String TYPE = "vizora.content.content_renamed.v1";
    }

    public record Deleted(UUID contentId) {
        public static final String TYPE = "vizora.content.content_deleted.v1";
    }

    private ContentEvents() {
    }
}
