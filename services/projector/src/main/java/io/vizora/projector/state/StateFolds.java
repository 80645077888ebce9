package io.vizora.projector.state;

import io.r2dbc.postgresql.codec.Json;
import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.consumer.EventRuns;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Folds fleet, content and scheduling events into the state the schedule compiler reads, and
 * marks the displays whose manifest a change touches as due, in the same transaction (so a
 * change is never folded without its displays being recompiled, and never marks twice).
 * <p>
 * A display already due is marked again by locking its row (an update that changes nothing), not
 * by leaving it be: a manifest worker that took the row before this change committed, and read
 * the state without it, would otherwise delete the row and the change would never be compiled.
 * Locked, the row is skipped by workers until the change commits, or waits for the worker and is
 * inserted anew after it.
 * <p>
 * Once a batch's transaction commits, {@code due} is told, so the displays it marked are
 * compiled at once rather than at the manifest worker's next poll.
 */
public final class StateFolds implements EventHandler {

    /** The displays a campaign reaches: by id, by any of their groups, by any of their tags. */
    private static final String DUE_FOR_CAMPAIGNS = """
            INSERT INTO manifest_due (display_id, organisation_id)
            SELECT DISTINCT d.id, d.organisation_id FROM display d JOIN campaign c ON c.organisation_id = d.organisation_id
            WHERE %s AND """ + Targeting.REACHES + """
            ON CONFLICT (display_id) DO UPDATE SET due_since = manifest_due.due_since""";

    private static final String GROUP_CREATED = "vizora.fleet.display_group_created.v1";
    private static final String GROUP_RENAMED = "vizora.fleet.display_group_renamed.v1";

    private static final Set<String> FOLDED = Set.of(
            "vizora.fleet.display_paired.v1", "vizora.fleet.display_updated.v1", "vizora.fleet.display_unpaired.v1",
            GROUP_CREATED, GROUP_RENAMED, "vizora.fleet.display_group_deleted.v1",
            "vizora.content.content_uploaded.v1", "vizora.content.content_renamed.v1", "vizora.content.content_deleted.v1",
            "vizora.scheduling.playlist_created.v1", "vizora.scheduling.playlist_updated.v1", "vizora.scheduling.default_playlist_set.v1",
            "vizora.scheduling.playlist_deleted.v1", "vizora.scheduling.campaign_created.v1", "vizora.scheduling.campaign_updated.v1",
            "vizora.scheduling.campaign_published.v1", "vizora.scheduling.campaign_ended.v1", "vizora.scheduling.campaign_deleted.v1");

    private final Runnable due;

    public StateFolds(Runnable due) {
        this.due = due;
    }

    @Override
    public boolean folds(String type) {
        return FOLDED.contains(type);
    }

    /** Runs of group upserts go in one statement each; every other event is folded in turn. */
    @Override
    public Mono<Void> applyAll(List<ConsumedEvent> events, DatabaseClient db) {
        return takeTurns(events, db).then(EventRuns.apply(events, db,
                event -> event.type().equals(GROUP_CREATED) || event.type().equals(GROUP_RENAMED), StateFolds::upsertGroups, this))
                .then(afterCommit(due));
    }

    /** Runs {@code action} once the current transaction commits; a rolled-back batch marked nothing. */
    private static Mono<Void> afterCommit(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                    }
                }))
                .switchIfEmpty(Mono.fromRunnable(action))
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(action))
                .then();
    }

    /**
     * The projection's consumers fold batches of one organisation in concurrent transactions (its
     * topics' partitions are shared among them). Which displays a change reaches is read from the
     * other side's rows: a display's groups and tags, a campaign's targets. Were the batches to run
     * at once, neither would see the other's uncommitted change, and a display that joined a group
     * while a campaign for that group was published would be compiled without it (write skew). So
     * batches of one organisation take turns: a lock per organisation for the transaction, taken in
     * id order so that two batches never wait on each other crosswise.
     */
    private static Mono<Void> takeTurns(List<ConsumedEvent> events, DatabaseClient db) {
        var organisations = events.stream().map(ConsumedEvent::tenantId).distinct().sorted().map(UUID::toString).toArray(String[]::new);
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(organisation, 0)) FROM unnest(CAST(:organisations AS text[])) AS organisation")
                .bind("organisations", organisations)
                .then();
    }

    /**
     * The last name per group and organisation wins, as it would event by event (one statement
     * may not update a row twice). A group id claimed by two organisations in one run breaks the
     * statement; the batch is then folded event by event, where the second claim changes nothing.
     */
    private static Mono<Void> upsertGroups(List<ConsumedEvent> events, DatabaseClient db) {
        var last = new LinkedHashMap<String, ConsumedEvent>();
        for (var event : events) {
            var key = event.data().get("groupId").asString() + "/" + event.tenantId();
            last.remove(key);
            last.put(key, event);
        }
        var groups = List.copyOf(last.values());
        return db.sql("""
                        INSERT INTO display_group (id, organisation_id, name)
                        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:tenants AS uuid[]), CAST(:names AS text[]))
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name WHERE display_group.organisation_id = EXCLUDED.organisation_id""")
                .bind("ids", groups.stream().map(event -> event.data().get("groupId").asString()).toArray(String[]::new))
                .bind("tenants", groups.stream().map(event -> event.tenantId().toString()).toArray(String[]::new))
                .bind("names", groups.stream().map(event -> event.data().get("name").asString()).toArray(String[]::new))
                .then();
    }

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        var data = event.data();
        var tenant = event.tenantId();
        return switch (event.type()) {
            case "vizora.fleet.display_paired.v1", "vizora.fleet.display_updated.v1" -> upsertDisplay(db, tenant, data, event)
                    .then(dueForDisplay(db, tenant, uuid(data, "displayId")));
            case "vizora.fleet.display_unpaired.v1" -> dueForDisplay(db, tenant, uuid(data, "displayId"))
                    .then(db.sql("DELETE FROM display WHERE id = :id AND organisation_id = :tenant")
                            .bind("id", uuid(data, "displayId")).bind("tenant", tenant).then());
            case GROUP_CREATED, GROUP_RENAMED -> upsertGroups(List.of(event), db);
            case "vizora.fleet.display_group_deleted.v1" -> groupDeleted(db, tenant, uuid(data, "groupId"));
            case "vizora.content.content_uploaded.v1" -> inTurn(db, uuid(data, "contentId")).then(upsertContent(db, tenant, data))
                    .then(dueForContent(db, tenant, uuid(data, "contentId")));
            case "vizora.content.content_renamed.v1" -> db.sql("UPDATE content SET name = :name WHERE id = :id AND organisation_id = :tenant")
                    .bind("name", data.get("name").asString()).bind("id", uuid(data, "contentId")).bind("tenant", tenant).then();
            case "vizora.content.content_deleted.v1" -> inTurn(db, uuid(data, "contentId")).then(dueForContent(db, tenant, uuid(data, "contentId")))
                    .then(db.sql("DELETE FROM content WHERE id = :id AND organisation_id = :tenant")
                            .bind("id", uuid(data, "contentId")).bind("tenant", tenant).then());
            case "vizora.scheduling.playlist_created.v1", "vizora.scheduling.playlist_updated.v1" -> upsertPlaylist(db, tenant, data)
                    .then(dueForCampaigns(db, tenant, "c.state = 'published' AND c.playlist_id = :playlist", "playlist", uuid(data, "playlistId")))
                    .then(dueForDefault(db, tenant, uuid(data, "playlistId")));
            case "vizora.scheduling.default_playlist_set.v1" -> defaultSet(db, tenant, data);
            case "vizora.scheduling.playlist_deleted.v1" -> db.sql("DELETE FROM playlist WHERE id = :id AND organisation_id = :tenant")
                    .bind("id", uuid(data, "playlistId")).bind("tenant", tenant).then();
            case "vizora.scheduling.campaign_created.v1", "vizora.scheduling.campaign_updated.v1" -> {
                var campaignId = uuid(data, "campaignId");
                yield dueForPublished(db, tenant, campaignId)
                        .then(upsertCampaign(db, tenant, data))
                        .then(dueForPublished(db, tenant, campaignId));
            }
            case "vizora.scheduling.campaign_published.v1" -> setState(db, tenant, uuid(data, "campaignId"), "published")
                    .then(dueForCampaigns(db, tenant, "c.id = :campaign", "campaign", uuid(data, "campaignId")));
            case "vizora.scheduling.campaign_ended.v1" -> dueForCampaigns(db, tenant, "c.id = :campaign", "campaign", uuid(data, "campaignId"))
                    .then(setState(db, tenant, uuid(data, "campaignId"), "ended"));
            case "vizora.scheduling.campaign_deleted.v1" -> db.sql("DELETE FROM campaign WHERE id = :id AND organisation_id = :tenant")
                    .bind("id", uuid(data, "campaignId")).bind("tenant", tenant).then();
            default -> Mono.empty();
        };
    }

    private static Mono<Void> upsertDisplay(DatabaseClient db, UUID tenant, JsonNode data, ConsumedEvent event) {
        var groups = strings(data.get("groupIds")).stream().map(UUID::fromString).toArray(UUID[]::new);
        var spec = db.sql("""
                        INSERT INTO display (id, organisation_id, name, time_zone, tags, group_ids, paired_at, default_playlist_id)
                        VALUES (:id, :tenant, :name, :zone, :tags,
                                ARRAY(SELECT g FROM unnest(:groups::uuid[]) AS g
                                      WHERE NOT EXISTS (SELECT 1 FROM deleted_display_group d WHERE d.id = g)), :at, :defaultPlaylist)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, tags = EXCLUDED.tags,
                                                       group_ids = EXCLUDED.group_ids, default_playlist_id = EXCLUDED.default_playlist_id
                        WHERE display.organisation_id = EXCLUDED.organisation_id""")
                .bind("id", uuid(data, "displayId")).bind("tenant", tenant).bind("name", data.get("name").asString())
                .bind("zone", data.get("timeZone").asString())
                .bind("tags", strings(data.get("tags")).toArray(String[]::new))
                .bind("groups", groups)
                .bind("at", event.time().atOffset(java.time.ZoneOffset.UTC));
        return inTurn(db, groups).then((data.has("defaultPlaylistId") ? spec.bind("defaultPlaylist", uuid(data, "defaultPlaylistId"))
                : spec.bindNull("defaultPlaylist", UUID.class)).then());
    }

    /**
     * Events about one thing are keyed by different ids (a display joining a group and the group's
     * deletion; a playlist listing an item and the item's upload), so two consumer threads may fold
     * them at once, and under read committed neither would see the other's row: the display keeps
     * the deleted group, or the item is never compiled in. A transaction-scoped lock per shared id
     * (taken in key order, so two folds never deadlock) makes such folds follow one another.
     */
    private static Mono<Void> inTurn(DatabaseClient db, UUID... ids) {
        return ids.length == 0 ? Mono.empty()
                : db.sql("""
                        SELECT count(pg_advisory_xact_lock(k))
                        FROM (SELECT DISTINCT hashtextextended(g::text, 0) AS k FROM unnest(:ids::uuid[]) AS g ORDER BY k) AS keys""")
                .bind("ids", ids).then();
    }

    /** The organisation's default changed: every display of it may play it. */
    private static Mono<Void> defaultSet(DatabaseClient db, UUID tenant, JsonNode data) {
        var change = data.has("playlistId")
                ? db.sql("""
                                INSERT INTO organisation_default (organisation_id, playlist_id) VALUES (:tenant, :playlist)
                                ON CONFLICT (organisation_id) DO UPDATE SET playlist_id = EXCLUDED.playlist_id""")
                        .bind("tenant", tenant).bind("playlist", uuid(data, "playlistId")).then()
                : db.sql("DELETE FROM organisation_default WHERE organisation_id = :tenant").bind("tenant", tenant).then();
        return change.then(db.sql("""
                        INSERT INTO manifest_due (display_id, organisation_id) SELECT id, organisation_id FROM display WHERE organisation_id = :tenant
                        ON CONFLICT (display_id) DO UPDATE SET due_since = manifest_due.due_since""").bind("tenant", tenant).then());
    }

    /** Displays that play a playlist as a default: their own, or their organisation's when they have none. */
    private static Mono<Void> dueForDefault(DatabaseClient db, UUID tenant, UUID playlistId) {
        return db.sql("""
                        INSERT INTO manifest_due (display_id, organisation_id)
                        SELECT d.id, d.organisation_id FROM display d WHERE d.organisation_id = :tenant AND (d.default_playlist_id = :playlist
                            OR (d.default_playlist_id IS NULL AND EXISTS (
                                SELECT 1 FROM organisation_default o WHERE o.organisation_id = :tenant AND o.playlist_id = :playlist)))
                        ON CONFLICT (display_id) DO UPDATE SET due_since = manifest_due.due_since""")
                .bind("tenant", tenant).bind("playlist", playlistId).then();
    }

    /**
     * A deleted group: its members are due (they may have been targeted through it) and leave it,
     * and it is remembered, so a display folded later (on replay) does not join it again.
     */
    private static Mono<Void> groupDeleted(DatabaseClient db, UUID tenant, UUID groupId) {
        return inTurn(db, groupId).then(db.sql("INSERT INTO deleted_display_group (id, organisation_id) VALUES (:group, :tenant) ON CONFLICT DO NOTHING")
                .bind("group", groupId).bind("tenant", tenant).then()
                .then(db.sql("""
                        INSERT INTO manifest_due (display_id, organisation_id)
                        SELECT id, organisation_id FROM display WHERE organisation_id = :tenant AND :group = ANY (group_ids)
                        ON CONFLICT (display_id) DO UPDATE SET due_since = manifest_due.due_since""")
                .bind("tenant", tenant).bind("group", groupId).then())
                .then(db.sql("UPDATE display SET group_ids = array_remove(group_ids, :group) WHERE organisation_id = :tenant AND :group = ANY (group_ids)")
                        .bind("tenant", tenant).bind("group", groupId).then())
                .then(db.sql("DELETE FROM display_group WHERE id = :group AND organisation_id = :tenant")
                        .bind("group", groupId).bind("tenant", tenant).then()));
    }

    private static Mono<Void> upsertContent(DatabaseClient db, UUID tenant, JsonNode data) {
        var spec = db.sql("""
                        INSERT INTO content (id, organisation_id, name, kind, media_type, sha256, object_key, url)
                        VALUES (:id, :tenant, :name, :kind, :mediaType, :sha256, :objectKey, :url)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", uuid(data, "contentId")).bind("tenant", tenant).bind("name", data.get("name").asString())
                .bind("kind", data.get("kind").asString()).bind("mediaType", data.get("mediaType").asString())
                .bind("sha256", data.get("sha256").asString());
        spec = data.has("objectKey") ? spec.bind("objectKey", data.get("objectKey").asString()) : spec.bindNull("objectKey", String.class);
        spec = data.has("url") ? spec.bind("url", data.get("url").asString()) : spec.bindNull("url", String.class);
        return spec.then();
    }

    private static Mono<Void> upsertPlaylist(DatabaseClient db, UUID tenant, JsonNode data) {
        var contents = new ArrayList<UUID>();
        data.get("items").forEach(item -> contents.add(uuid(item, "contentId")));
        return inTurn(db, contents.toArray(UUID[]::new)).then(db.sql("""
                        INSERT INTO playlist (id, organisation_id, name, items) VALUES (:id, :tenant, :name, :items)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, items = EXCLUDED.items
                        WHERE playlist.organisation_id = EXCLUDED.organisation_id""")
                .bind("id", uuid(data, "playlistId")).bind("tenant", tenant).bind("name", data.get("name").asString())
                .bind("items", Json.of(data.get("items").toString()))
                .then());
    }

    private static Mono<Void> upsertCampaign(DatabaseClient db, UUID tenant, JsonNode data) {
        var recurrence = data.get("recurrence");
        var period = data.path("period");
        var spec = db.sql("""
                        INSERT INTO campaign (id, organisation_id, name, playlist_id, targets, start_date, end_date, dayparts, priority, kind,
                                              every_weeks, starts_at, ends_at, state)
                        VALUES (:id, :tenant, :name, :playlist, :targets, :start, :end, :dayparts, :priority, :kind, :weeks, :startsAt, :endsAt,
                                'draft')
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, playlist_id = EXCLUDED.playlist_id, targets = EXCLUDED.targets,
                            start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, dayparts = EXCLUDED.dayparts,
                            priority = EXCLUDED.priority, kind = EXCLUDED.kind, every_weeks = EXCLUDED.every_weeks,
                            starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at
                        WHERE campaign.organisation_id = EXCLUDED.organisation_id""");
        spec = period.isObject()
                ? spec.bind("startsAt", java.time.Instant.parse(period.get("startsAt").asString()).atOffset(java.time.ZoneOffset.UTC))
                        .bind("endsAt", java.time.Instant.parse(period.get("endsAt").asString()).atOffset(java.time.ZoneOffset.UTC))
                : spec.bindNull("startsAt", java.time.OffsetDateTime.class).bindNull("endsAt", java.time.OffsetDateTime.class);
        return spec
                .bind("id", uuid(data, "campaignId")).bind("tenant", tenant).bind("name", data.get("name").asString())
                .bind("playlist", uuid(data, "playlistId")).bind("targets", Json.of(data.get("targets").toString()))
                .bind("start", java.time.LocalDate.parse(data.get("startDate").asString()))
                .bind("end", java.time.LocalDate.parse(data.get("endDate").asString()))
                .bind("dayparts", Json.of(data.get("dayparts").toString()))
                .bind("priority", data.get("priority").asInt()).bind("kind", data.get("kind").asString())
                .bind("weeks", recurrence == null ? 1 : recurrence.get("everyWeeks").asInt())
                .then();
    }

    private static Mono<Void> setState(DatabaseClient db, UUID tenant, UUID campaignId, String state) {
        return db.sql("UPDATE campaign SET state = :state WHERE id = :id AND organisation_id = :tenant")
                .bind("state", state).bind("id", campaignId).bind("tenant", tenant).then();
    }

    private static Mono<Void> dueForDisplay(DatabaseClient db, UUID tenant, UUID displayId) {
        return db.sql("INSERT INTO manifest_due (display_id, organisation_id) VALUES (:display, :tenant) ON CONFLICT (display_id) DO UPDATE SET due_since = manifest_due.due_since")
                .bind("display", displayId).bind("tenant", tenant).then();
    }

    private static Mono<Void> dueForPublished(DatabaseClient db, UUID tenant, UUID campaignId) {
        return dueForCampaigns(db, tenant, "c.state = 'published' AND c.id = :campaign", "campaign", campaignId);
    }

    /** The displays that may play an item: through a published campaign or a default playlist listing it. */
    private static Mono<Void> dueForContent(DatabaseClient db, UUID tenant, UUID contentId) {
        return dueForCampaigns(db, tenant, contentCondition(), "content", contentId.toString())
                .then(db.sql("""
                                INSERT INTO manifest_due (display_id, organisation_id)
                                SELECT d.id, d.organisation_id FROM display d WHERE d.organisation_id = :tenant
                                    AND coalesce(d.default_playlist_id, (SELECT o.playlist_id FROM organisation_default o WHERE o.organisation_id = :tenant))
                                        IN (SELECT p.id FROM playlist p WHERE p.organisation_id = :tenant AND p.items @> jsonb_build_array(jsonb_build_object('contentId', :content::text)))
                                ON CONFLICT (display_id) DO UPDATE SET due_since = manifest_due.due_since""")
                        .bind("tenant", tenant).bind("content", contentId.toString()).then());
    }

    private static String contentCondition() {
        return "c.state = 'published' AND c.playlist_id IN (SELECT p.id FROM playlist p WHERE p.organisation_id = :tenant "
                + "AND p.items @> jsonb_build_array(jsonb_build_object('contentId', :content::text)))";
    }

    private static Mono<Void> dueForCampaigns(DatabaseClient db, UUID tenant, String condition, String parameter, Object value) {
        return db.sql(DUE_FOR_CAMPAIGNS.formatted("c.organisation_id = :tenant AND " + condition))
                .bind("tenant", tenant).bind(parameter, value).then();
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(data.get(field).asString());
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
