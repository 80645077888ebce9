package io.vizora.command.content.storage;

import io.vizora.command.content.domain.ContentRules;
import io.vizora.command.domain.RuleViolation;
import io.vizora.platform.objectstore.ObjectStore;
import io.vizora.platform.objectstore.ObjectStoreException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Content files in the object store. A file streams through once: its type is detected from its
 * first bytes (Apache Tika's magic numbers, never the client's claim or the file's name), its size
 * is held to the limit for that type, and its SHA-256 is taken on the way. All calls block: run
 * them off the event loop.
 */
@Component
public class ContentStorage {

    public record Stored(String objectKey, String mediaType, long sizeBytes, String sha256) {
    }

    /** Enough for every magic number Tika knows; the buffer is all that is ever held. */
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Tika TIKA = new Tika();

    private final ObjectStore store;

    public ContentStorage(ObjectStore store) {
        this.store = store;
    }

    public static String objectKey(UUID organisationId, UUID contentId) {
        return "tenants/" + organisationId + "/content/" + contentId + "/original";
    }

    /** Where a presigned upload lands; the content is sealed from there into its {@link #objectKey}. */
    public static String uploadKey(UUID organisationId, UUID contentId) {
        return "tenants/" + organisationId + "/uploads/" + contentId;
    }

    /** Stores a file that streams in; refuses it (storing nothing) if it is not playable content. */
    public Stored store(String key, InputStream body, ContentRules rules) {
        var measured = new MeasuredInputStream(body, rules.maxBytes());
        var buffered = new BufferedInputStream(measured, SNIFF_BYTES);
        var mediaType = detect(buffered, rules);
        measured.limit(rules.maxBytes(rules.kindOf(mediaType).orElseThrow()));
        try {
            store.put(key, buffered, -1, mediaType);
        } catch (ObjectStoreException e) {
            if (measured.exceeded()) {
                removeQuietly(key);
                throw tooLarge(mediaType, rules);
            }
            removeQuietly(key);
            throw e;
        }
        return checked(key, mediaType, measured, rules);
    }

    /**
     * Seals a file uploaded straight to the store: copies it from where the presigned URL writes
     * ({@code upload}) to {@code key}, which no URL can write, and checks the copy there, so the
     * bytes checked are the bytes kept whatever is PUT to the URL afterwards. Removes both if it
     * is not playable content; empty if nothing was uploaded.
     */
    public Optional<Stored> seal(String upload, String key, ContentRules rules) {
        if (store.sizeIfPresent(upload).isPresent()) {
            store.copy(upload, key, "application/octet-stream");
            removeQuietly(upload);
        }
        var size = store.sizeIfPresent(key);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        if (size.getAsLong() > rules.maxBytes()) {
            removeQuietly(key);
            throw new RuleViolation("Invalid content", List.of("the file is " + size.getAsLong() + " bytes; no content may exceed "
                    + rules.maxBytes() + " bytes"));
        }
        try (var in = store.get(key)) {
            var measured = new MeasuredInputStream(in, rules.maxBytes());
            var buffered = new BufferedInputStream(measured, SNIFF_BYTES);
            String mediaType;
            try {
                mediaType = detect(buffered, rules);
            } catch (RuleViolation refused) {
                removeQuietly(key);
                throw refused;
            }
            buffered.transferTo(OutputStream.nullOutputStream());
            var stored = checked(key, mediaType, measured, rules);
            store.copy(key, key, mediaType);
            return Optional.of(stored);
        } catch (IOException e) {
            // reading the store's copy broke off: the store's failure, not the content's
            throw new ObjectStoreException("reading " + key + " from the object store failed: " + e.getMessage(), e);
        }
    }

    public void remove(String key) {
        store.remove(key);
    }

    public String downloadUrl(String key, Duration validity) {
        return store.presignedGet(key, validity);
    }

    public String uploadUrl(String key, Duration validity) {
        return store.presignedPut(key, validity);
    }

    private static String detect(BufferedInputStream stream, ContentRules rules) {
        try {
            var mediaType = TIKA.detect(stream);
            var kind = rules.kindOf(mediaType);
            if (kind.isEmpty()) {
                throw new RuleViolation("Invalid content", rules.problems(mediaType, 1));
            }
            return mediaType;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stored checked(String key, String mediaType, MeasuredInputStream measured, ContentRules rules) {
        var problems = rules.problems(mediaType, measured.count());
        if (!problems.isEmpty()) {
            removeQuietly(key);
            throw new RuleViolation("Invalid content", problems);
        }
        return new Stored(key, mediaType, measured.count(), measured.sha256());
    }

    private static RuleViolation tooLarge(String mediaType, ContentRules rules) {
        return new RuleViolation("Invalid content", List.of("the file is larger than the limit of "
                + rules.maxBytes(rules.kindOf(mediaType).orElseThrow()) + " bytes for " + mediaType));
    }

    private void removeQuietly(String key) {
        try {
            store.remove(key);
        } catch (ObjectStoreException ignored) {
            // nothing stored, or the store is down: either way there is nothing more to undo here
        }
    }
}
