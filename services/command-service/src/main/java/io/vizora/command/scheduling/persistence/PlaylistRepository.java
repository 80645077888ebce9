package io.vizora.command.scheduling.persistence;

import io.r2dbc.spi.Readable;
import io.vizora.command.scheduling.domain.Playlist;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Playlists and their ordered items, always within one organisation. */
@Repository
public class PlaylistRepository {

    public record StoredPlaylist(UUID playlistId, String name, List<Playlist.Item> items, Instant createdAt, long version) {
    }

    /** A campaign that plays a playlist. */
    public record CampaignRef(UUID campaignId, String name, String state) {
    }

    private static final String SELECT = """
            SELECT p.id, p.name, p.created_at, p.version,
                   ARRAY(SELECT i.content_id FROM playlist_item i WHERE i.playlist_id = p.id ORDER BY i.position) AS contents,
                   ARRAY(SELECT i.duration_ms FROM playlist_item i WHERE i.playlist_id = p.id ORDER BY i.position) AS durations
            FROM playlist p WHERE p.organisation_id = :organisation""";

    private final DatabaseClient db;

    public PlaylistRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID organisationId, UUID playlistId, Playlist playlist) {
        return db.sql("INSERT INTO playlist (id, organisation_id, name) VALUES (:id, :organisation, :name)")
                .bind("id", playlistId).bind("organisation", organisationId).bind("name", playlist.name())
                .then().then(insertItems(playlistId, playlist));
    }

    /** Replaces its name and items, making a new version; the caller holds the playlist's lock. */
    public Mono<Void> update(UUID organisationId, UUID playlistId, Playlist playlist) {
        return db.sql("UPDATE playlist SET name = :name, version = version + 1 WHERE id = :id AND organisation_id = :organisation")
                .bind("name", playlist.name()).bind("id", playlistId).bind("organisation", organisationId)
                .then()
                .then(db.sql("DELETE FROM playlist_item WHERE playlist_id = :id").bind("id", playlistId).then())
                .then(insertItems(playlistId, playlist));
    }

    private Mono<Void> insertItems(UUID playlistId, Playlist playlist) {
        if (playlist.items().isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO playlist_item (playlist_id, position, content_id, duration_ms)
                        SELECT :id, i.position, i.content_id, i.duration_ms
                        FROM unnest(:contents::uuid[], :durations::integer[]) WITH ORDINALITY AS i(content_id, duration_ms, position)""")
                .bind("id", playlistId)
                .bind("contents", playlist.items().stream().map(Playlist.Item::contentId).toArray(UUID[]::new))
                .bind("durations", playlist.items().stream().map(Playlist.Item::durationMs).toArray(Integer[]::new))
                .then();
    }

    public Mono<Boolean> delete(UUID organisationId, UUID playlistId) {
        return db.sql("DELETE FROM playlist WHERE id = :id AND organisation_id = :organisation")
                .bind("id", playlistId).bind("organisation", organisationId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<StoredPlaylist> find(UUID organisationId, UUID playlistId) {
        return db.sql(SELECT + " AND p.id = :id").bind("organisation", organisationId).bind("id", playlistId)
                .map(PlaylistRepository::playlist).one();
    }

    /** Its version, the playlist locked until the transaction ends: no campaign takes it up while it goes, no edit races another. */
    public Mono<Long> lockedVersion(UUID organisationId, UUID playlistId) {
        return db.sql("SELECT version FROM playlist WHERE id = :id AND organisation_id = :organisation FOR UPDATE")
                .bind("id", playlistId).bind("organisation", organisationId)
                .map(row -> row.get(0, Long.class)).one();
    }

    public Flux<StoredPlaylist> all(UUID organisationId) {
        return db.sql(SELECT + " ORDER BY lower(p.name), p.id").bind("organisation", organisationId)
                .map(PlaylistRepository::playlist).all();
    }

    public Mono<Void> setOrganisationDefault(UUID organisationId, UUID playlistId) {
        var spec = db.sql("UPDATE organisation SET default_playlist_id = :playlist WHERE id = :organisation").bind("organisation", organisationId);
        return (playlistId == null ? spec.bindNull("playlist", UUID.class) : spec.bind("playlist", playlistId)).then();
    }

    public Mono<java.util.Optional<UUID>> organisationDefault(UUID organisationId) {
        return db.sql("SELECT default_playlist_id FROM organisation WHERE id = :organisation").bind("organisation", organisationId)
                .map(row -> java.util.Optional.ofNullable(row.get(0, UUID.class))).one();
    }

    /** Where a playlist is a default: of how many displays, and of the organisation or not. */
    public record DefaultUses(long displays, boolean organisation) {

        public boolean any() {
            return displays > 0 || organisation;
        }
    }

    public Mono<DefaultUses> defaultUses(UUID organisationId, UUID playlistId) {
        return db.sql("""
                        SELECT (SELECT count(*) FROM display WHERE organisation_id = :organisation AND default_playlist_id = :playlist),
                               (SELECT count(*) FROM organisation WHERE id = :organisation AND default_playlist_id = :playlist)""")
                .bind("organisation", organisationId).bind("playlist", playlistId)
                .map(row -> new DefaultUses(row.get(0, Long.class), row.get(1, Long.class) > 0)).one();
    }

    public Flux<CampaignRef> campaignsUsing(UUID organisationId, UUID playlistId) {
        return db.sql("SELECT id, name, state FROM campaign WHERE organisation_id = :organisation AND playlist_id = :playlist ORDER BY name, id")
                .bind("organisation", organisationId).bind("playlist", playlistId)
                .map(row -> new CampaignRef(row.get("id", UUID.class), row.get("name", String.class), row.get("state", String.class))).all();
    }

    /** Why the given content ids cannot go in a playlist of the organisation: unknown, or not uploaded yet. */
    public Flux<String> unusableContent(UUID organisationId, List<UUID> contentIds) {
        if (contentIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT c, content.state FROM unnest(:contents::uuid[]) AS c
                        LEFT JOIN content ON content.id = c AND content.organisation_id = :organisation
                        WHERE content.state IS DISTINCT FROM 'ready' ORDER BY c""")
                .bind("contents", contentIds.toArray(UUID[]::new)).bind("organisation", organisationId)
                .map(row -> row.get("state", String.class) == null
                        ? "there is no content " + row.get(0, UUID.class)
                        : "content " + row.get(0, UUID.class) + " is not uploaded yet")
                .all();
    }

    private static StoredPlaylist playlist(Readable row) {
        var contents = row.get("contents", UUID[].class);
        var durations = row.get("durations", Integer[].class);
        var items = new ArrayList<Playlist.Item>(contents.length);
        for (int i = 0; i < contents.length; i++) {
            items.add(new Playlist.Item(contents[i], durations[i]));
        }
        return new StoredPlaylist(row.get("id", UUID.class), row.get("name", String.class), items,
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
