package io.vizora.projector;

import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ProjectorIntegrationTest
class StateProjectionIntegrationTests {

    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    DatabaseClient db;

    private long count(String sql, UUID tenant) {
        return db.sql(sql).bind("tenant", tenant).map(row -> row.get(0, Long.class)).one().block();
    }

    private long version(UUID displayId) {
        return db.sql("SELECT version FROM manifest WHERE display_id = :id").bind("id", displayId).map(row -> row.get(0, Long.class)).one().block();
    }

    private static Map<String, Object> campaign(UUID campaignId, UUID playlistId, List<String> tags) {
        return Map.of("campaignId", campaignId.toString(), "name", "Winter", "playlistId", playlistId.toString(),
                "targets", Map.of("displayIds", List.of(), "groupIds", List.of(), "tags", tags),
                "startDate", "2026-12-01", "endDate", "2027-01-31",
                "dayparts", List.of(Map.of("weekdays", List.of("MONDAY", "FRIDAY"), "start", "20:00", "end", "01:00")),
                "priority", 10, "kind", "normal");
    }

    @Test
    void theReadModelsAreKeptInADatabaseOfTheirOwnOutOfWhatTheRelayDecodes() {
        assertThat(db.sql("SELECT current_database()").map(row -> row.get(0, String.class)).one().block())
                .isEqualTo(TestStack.Database.PROJECTOR.named()).isNotEqualTo(TestStack.postgresDatabase());
    }

    @Test
    void theFleetContentAndCampaignsAreFoldedAndOnlyTheDisplaysACampaignReachesAreRecompiled() {
        var tenant = UUID.randomUUID();
        var group = UUID.randomUUID();
        var reached = UUID.randomUUID();
        var elsewhere = UUID.randomUUID();
        var content = UUID.randomUUID();
        var playlist = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", "Lobby"));
        events.send(tenant, "vizora.fleet.display_paired.v1", reached, Map.of("displayId", reached.toString(), "name", "Left",
                "timeZone", "Europe/Berlin", "groupIds", List.of(group.toString()), "tags", List.of("menu")));
        events.send(tenant, "vizora.fleet.display_paired.v1", elsewhere, Map.of("displayId", elsewhere.toString(), "name", "Kitchen",
                "timeZone", "Europe/Berlin", "groupIds", List.of(), "tags", List.of("kitchen")));
        events.send(tenant, "vizora.content.content_uploaded.v1", content, Map.of("contentId", content.toString(), "name", "Spot",
                "kind", "image", "mediaType", "image/png", "sizeBytes", 10, "sha256", "a".repeat(64), "objectKey", "tenants/x/content/y/original"));
        events.send(tenant, "vizora.scheduling.playlist_created.v1", playlist, Map.of("playlistId", playlist.toString(), "name", "Loop",
                "items", List.of(Map.of("contentId", content.toString(), "durationMs", 10000))));
        events.send(tenant, "vizora.scheduling.campaign_created.v1", campaign, campaign(campaign, playlist, List.of("menu")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM campaign WHERE organisation_id = :tenant", tenant)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM manifest WHERE organisation_id = :tenant", tenant)).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM manifest_due WHERE organisation_id = :tenant", tenant)).isZero();
        });
        var reachedBefore = version(reached);
        var elsewhereBefore = version(elsewhere);

        events.send(tenant, "vizora.scheduling.campaign_published.v1", campaign, Map.of("campaignId", campaign.toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(version(reached)).isGreaterThan(reachedBefore));
        assertThat(version(elsewhere)).as("a display the campaign does not reach is not recompiled").isEqualTo(elsewhereBefore);
        assertThat(db.sql("SELECT state FROM campaign WHERE id = :id").bind("id", campaign).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("published");
        assertThat(db.sql("SELECT group_ids FROM display WHERE id = :id").bind("id", reached).map(row -> row.get(0, UUID[].class)).one().block())
                .containsExactly(group);
    }

    @Test
    void aRedeliveredEventChangesNothingAndEveryEventIsInTheAuditLogOnce() {
        var tenant = UUID.randomUUID();
        var group = UUID.randomUUID();
        var created = events.send(tenant, "vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", "Lobby"));
        events.send(tenant, "vizora.fleet.display_group_renamed.v1", group, Map.of("groupId", group.toString(), "name", "Foyer"));
        events.send(created, tenant, "vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", "Lobby"));
        var marker = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_group_created.v1", marker, Map.of("groupId", marker.toString(), "name", "Marker"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM audit_log WHERE organisation_id = :tenant", tenant)).isEqualTo(3);
            assertThat(count("SELECT count(*) FROM display_group WHERE organisation_id = :tenant", tenant)).isEqualTo(2);
        });
        assertThat(db.sql("SELECT name FROM display_group WHERE id = :id").bind("id", group).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("Foyer");
        assertThat(db.sql("SELECT principal FROM audit_log WHERE event_id = :id").bind("id", created).map(row -> row.get(0, String.class)).one().block())
                .startsWith("user:");
    }
}
