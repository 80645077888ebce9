package io.vizora.command.fleet.persistence;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The screenshots of displays: requested (an upload URL handed out), then taken (uploaded and checked). */
@Repository
public class ScreenshotRepository {

    /** takenAt and sizeBytes are null while it is only requested. */
    public record Screenshot(UUID screenshotId, UUID organisationId, UUID displayId, UUID commandId, String objectKey, Instant takenAt,
                             Long sizeBytes) {
    }

    private static final String SELECT = "SELECT id, organisation_id, display_id, command_id, object_key, taken_at, size_bytes FROM screenshot";

    private final DatabaseClient db;

    public ScreenshotRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> request(UUID screenshotId, UUID organisationId, UUID displayId, UUID commandId, String objectKey) {
        var spec = db.sql("""
                        INSERT INTO screenshot (id, organisation_id, display_id, command_id, object_key)
                        VALUES (:id, :organisation, :display, :command, :key)""")
                .bind("id", screenshotId).bind("organisation", organisationId).bind("display", displayId).bind("key", objectKey);
        return (commandId == null ? spec.bindNull("command", UUID.class) : spec.bind("command", commandId)).then();
    }

    /** A screenshot of this display, taken or not. */
    public Mono<Screenshot> find(UUID displayId, UUID screenshotId) {
        return db.sql(SELECT + " WHERE id = :id AND display_id = :display").bind("id", screenshotId).bind("display", displayId)
                .map(ScreenshotRepository::screenshot).one();
    }

    /** Records the upload; emits false if it was recorded before. */
    public Mono<Boolean> taken(UUID screenshotId, Instant takenAt, long sizeBytes) {
        return db.sql("UPDATE screenshot SET taken_at = :at, size_bytes = :size WHERE id = :id AND taken_at IS NULL")
                .bind("at", takenAt.atOffset(java.time.ZoneOffset.UTC)).bind("size", sizeBytes).bind("id", screenshotId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The display's taken screenshots, newest first. */
    public Flux<Screenshot> taken(UUID organisationId, UUID displayId, int limit) {
        return db.sql(SELECT + " WHERE organisation_id = :organisation AND display_id = :display AND taken_at IS NOT NULL "
                        + "ORDER BY taken_at DESC LIMIT :limit")
                .bind("organisation", organisationId).bind("display", displayId).bind("limit", limit)
                .map(ScreenshotRepository::screenshot).all();
    }

    private static Screenshot screenshot(Readable row) {
        var taken = row.get("taken_at", OffsetDateTime.class);
        return new Screenshot(row.get("id", UUID.class), row.get("organisation_id", UUID.class), row.get("display_id", UUID.class),
                row.get("command_id", UUID.class), row.get("object_key", String.class), taken == null ? null : taken.toInstant(),
                row.get("size_bytes", Long.class));
    }
}
