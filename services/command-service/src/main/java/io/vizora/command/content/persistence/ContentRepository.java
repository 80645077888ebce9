package io.vizora.command.content.persistence;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The organisation's content library. */
@Repository
public class ContentRepository {

    /** A content item; objectKey for files, url for web pages. Pending items await a confirmed upload. */
    public record Content(UUID contentId, String name, String kind, String state, String mediaType, Long sizeBytes,
                          String sha256, String objectKey, String url, Instant createdAt) {

        public boolean ready() {
            return "ready".equals(state);
        }
    }

    /** Who uses a content item: a playlist, or a published campaign through its playlist. */
    public record User(String kind, UUID id, String name) {
    }

    private static final String COLUMNS = "id, name, kind, state, media_type, size_bytes, sha256, object_key, url, created_at";

    private final DatabaseClient db;

    public ContentRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID organisationId, Content content) {
        var spec = db.sql("""
                        INSERT INTO content (id, organisation_id, name, kind, state, media_type, size_bytes, sha256, object_key, url)
                        VALUES (:id, :organisation, :name, :kind, :state, :mediaType, :size, :sha256, :objectKey, :url)""")
                .bind("id", content.contentId()).bind("organisation", organisationId).bind("name", content.name())
                .bind("kind", content.kind()).bind("state", content.state());
        spec = content.mediaType() == null ? spec.bindNull("mediaType", String.class) : spec.bind("mediaType", content.mediaType());
        spec = content.sizeBytes() == null ? spec.bindNull("size", Long.class) : spec.bind("size", content.sizeBytes());
        spec = content.sha256() == null ? spec.bindNull("sha256", String.class) : spec.bind("sha256", content.sha256());
        spec = content.objectKey() == null ? spec.bindNull("objectKey", String.class) : spec.bind("objectKey", content.objectKey());
        spec = content.url() == null ? spec.bindNull("url", String.class) : spec.bind("url", content.url());
        return spec.then();
    }

    /** Completes a pending upload; emits false if it is not pending any more (confirmed meanwhile). */
    public Mono<Boolean> markReady(UUID organisationId, UUID contentId, String kind, String mediaType, long sizeBytes, String sha256) {
        return db.sql("""
                        UPDATE content SET state = 'ready', kind = :kind, media_type = :mediaType, size_bytes = :size, sha256 = :sha256
                        WHERE id = :id AND organisation_id = :organisation AND state = 'pending'""")
                .bind("kind", kind).bind("mediaType", mediaType).bind("size", sizeBytes).bind("sha256", sha256)
                .bind("id", contentId).bind("organisation", organisationId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Boolean> rename(UUID organisationId, UUID contentId, String name) {
        return db.sql("UPDATE content SET name = :name WHERE id = :id AND organisation_id = :organisation")
                .bind("name", name).bind("id", contentId).bind("organisation", organisationId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Boolean> delete(UUID organisationId, UUID contentId) {
        return db.sql("DELETE FROM content WHERE id = :id AND organisation_id = :organisation")
                .bind("id", contentId).bind("organisation", organisationId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Content> find(UUID organisationId, UUID contentId) {
        return db.sql("SELECT " + COLUMNS + " FROM content WHERE id = :id AND organisation_id = :organisation")
                .bind("id", contentId).bind("organisation", organisationId)
                .map(ContentRepository::content).one();
    }

    /** The same, locked until the transaction ends, so nobody adds it to a playlist while it goes. */
    public Mono<Content> findForUpdate(UUID organisationId, UUID contentId) {
        return db.sql("SELECT " + COLUMNS + " FROM content WHERE id = :id AND organisation_id = :organisation FOR UPDATE")
                .bind("id", contentId).bind("organisation", organisationId)
                .map(ContentRepository::content).one();
    }

    public Flux<Content> all(UUID organisationId) {
        return db.sql("SELECT " + COLUMNS + " FROM content WHERE organisation_id = :organisation ORDER BY created_at DESC, id")
                .bind("organisation", organisationId)
                .map(ContentRepository::content).all();
    }

    /** The published campaigns and the playlists that use the item, campaigns first, each by name. */
    public Flux<User> users(UUID organisationId, UUID contentId) {
        return db.sql("""
                        SELECT 'campaign' AS kind, c.id, c.name FROM campaign c
                        WHERE c.organisation_id = :organisation AND c.state = 'published' AND c.playlist_id IN (SELECT playlist_id FROM playlist_item WHERE content_id = :content)
                        UNION
                        SELECT 'playlist', p.id, p.name FROM playlist p
                        WHERE p.organisation_id = :organisation AND p.id IN (SELECT playlist_id FROM playlist_item WHERE content_id = :content)
                        ORDER BY 1, 3, 2""")
                .bind("content", contentId).bind("organisation", organisationId)
                .map(row -> new User(row.get("kind", String.class), row.get("id", UUID.class), row.get("name", String.class))).all();
    }

    private static Content content(Readable row) {
        return new Content(row.get("id", UUID.class), row.get("name", String.class), row.get("kind", String.class),
                row.get("state", String.class), row.get("media_type", String.class), row.get("size_bytes", Long.class),
                row.get("sha256", String.class), row.get("object_key", String.class), row.get("url", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
