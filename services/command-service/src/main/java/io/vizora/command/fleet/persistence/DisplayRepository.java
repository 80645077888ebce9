package io.vizora.command.fleet.persistence;

import io.r2dbc.spi.Readable;
import io.vizora.command.fleet.domain.DisplayProfile;
import io.vizora.command.persistence.TenantRows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Paired displays and their group memberships, always within one organisation. */
@Repository
public class DisplayRepository {

    public record Display(UUID displayId, String name, String timeZone, List<UUID> groupIds, List<String> tags, UUID defaultPlaylistId,
                          Instant pairedAt) {
    }

    private static final String SELECT = """
            SELECT d.id, d.name, d.time_zone, d.tags, d.paired_at, d.default_playlist_id,
                   ARRAY(SELECT m.group_id FROM display_group_member m WHERE m.display_id = d.id ORDER BY m.group_id) AS group_ids
            FROM display d WHERE d.organisation_id = :organisation""";

    private final DatabaseClient db;

    public DisplayRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID organisationId, UUID displayId, DisplayProfile profile, UUID defaultPlaylistId) {
        return withDefault(db.sql("""
                        INSERT INTO display (id, organisation_id, name, time_zone, tags, default_playlist_id)
                        VALUES (:id, :organisation, :name, :zone, :tags, :defaultPlaylist)""")
                .bind("id", displayId).bind("organisation", organisationId).bind("name", profile.name())
                .bind("zone", profile.timeZone()).bind("tags", profile.tags().toArray(String[]::new)), defaultPlaylistId)
                .then()
                .then(replaceGroups(organisationId, displayId, profile.groupIds()));
    }

    /** Emits whether the organisation has the display; only then is it changed. */
    public Mono<Boolean> update(UUID organisationId, UUID displayId, DisplayProfile profile, UUID defaultPlaylistId) {
        return withDefault(db.sql("""
                        UPDATE display SET name = :name, time_zone = :zone, tags = :tags, default_playlist_id = :defaultPlaylist
                        WHERE id = :id AND organisation_id = :organisation""")
                .bind("name", profile.name()).bind("zone", profile.timeZone()).bind("tags", profile.tags().toArray(String[]::new))
                .bind("id", displayId).bind("organisation", organisationId), defaultPlaylistId)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false) : replaceGroups(organisationId, displayId, profile.groupIds()).thenReturn(true));
    }

    private static DatabaseClient.GenericExecuteSpec withDefault(DatabaseClient.GenericExecuteSpec spec, UUID defaultPlaylistId) {
        return defaultPlaylistId == null ? spec.bindNull("defaultPlaylist", UUID.class) : spec.bind("defaultPlaylist", defaultPlaylistId);
    }

    /** Whether the organisation has a playlist of this id (for a display's default). */
    public Mono<Boolean> hasPlaylist(UUID organisationId, UUID playlistId) {
        return db.sql("SELECT 1 FROM playlist WHERE id = :id AND organisation_id = :organisation")
                .bind("id", playlistId).bind("organisation", organisationId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    private Mono<Void> replaceGroups(UUID organisationId, UUID displayId, List<UUID> groupIds) {
        return db.sql("DELETE FROM display_group_member WHERE display_id = :display").bind("display", displayId).then()
                .then(groupIds.isEmpty() ? Mono.empty() : db.sql("""
                                INSERT INTO display_group_member (display_id, group_id, organisation_id)
                                SELECT :display, g, :organisation FROM unnest(:groups::uuid[]) AS g""")
                        .bind("display", displayId).bind("organisation", organisationId).bind("groups", groupIds.toArray(UUID[]::new))
                        .then());
    }

    /** Unpairs: the display, its memberships and its device secret go. */
    public Mono<Boolean> delete(UUID organisationId, UUID displayId) {
        return db.sql("DELETE FROM display WHERE id = :id AND organisation_id = :organisation")
                .bind("id", displayId).bind("organisation", organisationId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Display> find(UUID organisationId, UUID displayId) {
        return db.sql(SELECT + " AND d.id = :id")
                .bind("organisation", organisationId).bind("id", displayId)
                .map(DisplayRepository::display).one();
    }

    /** The organisation's displays, optionally only those in a group and/or with a tag. */
    public Flux<Display> all(UUID organisationId, UUID groupId, String tag) {
        var sql = new StringBuilder(SELECT);
        if (groupId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM display_group_member m WHERE m.display_id = d.id AND m.group_id = :group)");
        }
        if (tag != null) {
            sql.append(" AND d.tags @> ARRAY[:tag]::text[]");
        }
        var spec = db.sql(sql.append(" ORDER BY lower(d.name), d.id").toString()).bind("organisation", organisationId);
        if (groupId != null) {
            spec = spec.bind("group", groupId);
        }
        if (tag != null) {
            spec = spec.bind("tag", tag);
        }
        return spec.map(DisplayRepository::display).all();
    }

    /**
     * The ids of the organisation's displays that targets reach: by id, by any of their groups,
     * by any of their tags, or all of them; at most {@code limit}.
     */
    public Flux<UUID> reached(UUID organisationId, List<UUID> displayIds, List<UUID> groupIds, List<String> tags, boolean wholeOrganisation,
                              int limit) {
        return db.sql("""
                        SELECT d.id FROM display d WHERE d.organisation_id = :organisation
                        AND (:all OR d.id = ANY(:displays::uuid[]) OR d.tags && :tags::text[]
                             OR EXISTS (SELECT 1 FROM display_group_member m WHERE m.display_id = d.id AND m.group_id = ANY(:groups::uuid[])))
                        ORDER BY d.id LIMIT :limit""")
                .bind("organisation", organisationId).bind("all", wholeOrganisation)
                .bind("displays", displayIds.toArray(UUID[]::new)).bind("groups", groupIds.toArray(UUID[]::new))
                .bind("tags", tags.toArray(String[]::new)).bind("limit", limit)
                .map(row -> row.get(0, UUID.class)).all();
    }

    /** Of the given display ids, those the organisation does not have. */
    public Flux<UUID> unknownDisplays(UUID organisationId, List<UUID> displayIds) {
        return TenantRows.unknown(db, TenantRows.Table.DISPLAY, organisationId, displayIds);
    }

    /** Of the given group ids, those the organisation does not have. */
    public Flux<UUID> unknownGroups(UUID organisationId, List<UUID> groupIds) {
        return TenantRows.unknown(db, TenantRows.Table.DISPLAY_GROUP, organisationId, groupIds);
    }

    /** Gives a display its device secret (a hash of it); emits false if the display is gone. */
    public Mono<Boolean> setSecret(UUID displayId, byte[] secretHash) {
        return db.sql("UPDATE display SET secret_hash = :secret WHERE id = :id")
                .bind("secret", secretHash).bind("id", displayId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The organisation of the display whose device secret this is; empty once unpaired. */
    public Mono<UUID> organisationBySecret(UUID displayId, byte[] secretHash) {
        return db.sql("SELECT organisation_id FROM display WHERE id = :id AND secret_hash = :secret")
                .bind("id", displayId).bind("secret", secretHash)
                .map(row -> row.get(0, UUID.class)).one();
    }

    private static Display display(Readable row) {
        return new Display(row.get("id", UUID.class), row.get("name", String.class), row.get("time_zone", String.class),
                Arrays.asList(row.get("group_ids", UUID[].class)), Arrays.asList(row.get("tags", String[].class)),
                row.get("default_playlist_id", UUID.class), row.get("paired_at", OffsetDateTime.class).toInstant());
    }
}
