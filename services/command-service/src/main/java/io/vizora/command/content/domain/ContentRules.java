package io.vizora.command.content.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which files a screen can play and how large they may be. The media type is the one detected
 * from the file's bytes, never the one a client claims. SVG is left out on purpose: it is a
 * document that can carry scripts, not an image a player can show inertly.
 */
public record ContentRules(long maxImageBytes, long maxVideoBytes) {

    private static final Map<String, ContentKind> PLAYABLE = Map.of(
            "image/jpeg", ContentKind.IMAGE,
            "image/png", ContentKind.IMAGE,
            "image/gif", ContentKind.IMAGE,
            "image/webp", ContentKind.IMAGE,
            "video/mp4", ContentKind.VIDEO,
            "video/webm", ContentKind.VIDEO,
            "video/quicktime", ContentKind.VIDEO);

    public ContentRules {
        if (maxImageBytes <= 0 || maxVideoBytes <= 0) {
            throw new IllegalArgumentException("size limits must be positive");
        }
    }

    public Optional<ContentKind> kindOf(String detectedMediaType) {
        return Optional.ofNullable(PLAYABLE.get(detectedMediaType));
    }

    /** The largest file worth reading at all: anything longer is refused before a byte is stored. */
    public long maxBytes() {
        return Math.max(maxImageBytes, maxVideoBytes);
    }

    public long maxBytes(ContentKind kind) {
        return kind == ContentKind.VIDEO ? maxVideoBytes : maxImageBytes;
    }

    /** Why a file of this detected type and size cannot be content; empty if it can. */
    public List<String> problems(String detectedMediaType, long sizeBytes) {
        var problems = new ArrayList<String>();
        var kind = kindOf(detectedMediaType);
        if (kind.isEmpty()) {
            problems.add("the file is " + detectedMediaType + ", which screens cannot play; send JPEG, PNG, GIF or WebP images, "
                    + "or MP4, WebM or QuickTime video");
        } else if (sizeBytes > maxBytes(kind.get())) {
            problems.add("the " + kind.get().code() + " is " + sizeBytes + " bytes; the limit is " + maxBytes(kind.get()) + " bytes");
        }
        if (sizeBytes == 0) {
            problems.add("the file is empty");
        }
        return problems;
    }
}
