package io.vizora.projector;

import io.vizora.testsupport.DomainEvents;
import io.vizora.projector.manifest.ManifestPublisher;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ProjectorIntegrationTest
class ManifestIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ManifestPublisher publisher;

    @Autowired
    io.vizora.projector.manifest.ManifestWorker worker;

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @Autowired
    ProjectorProperties properties;

    private Optional<JsonNode> inRedis(UUID displayId) {
        var body = redis.<String, String>opsForHash().get(publisher.key(displayId), "manifest").block();
        return Optional.ofNullable(body).map(JSON::readTree);
    }

    /** The newest record of the display on the manifests topic: a manifest, or a tombstone (empty). */
    private static Optional<Optional<JsonNode>> onTopic(UUID displayId) {
        Optional<Optional<JsonNode>> newest = Optional.empty();
        for (var record : TestStack.records(ManifestPublisher.TOPIC)) {
            if (record.key().equals(displayId.toString())) {
                newest = Optional.of(Optional.ofNullable(record.value()).map(JSON::readTree));
            }
        }
        return newest;
    }

    private static Map<String, Object> campaign(UUID campaignId, UUID playlistId, int priority) {
        var campaign = new HashMap<String, Object>();
        campaign.put("campaignId", campaignId.toString());
        campaign.put("name", "All day");
        campaign.put("playlistId", playlistId.toString());
        campaign.put("targets", Map.of("displayIds", List.of(), "groupIds", List.of(), "tags", List.of("lobby")));
        campaign.put("startDate", LocalDate.now().minusDays(2).toString());
        campaign.put("endDate", LocalDate.now().plusDays(30).toString());
        campaign.put("dayparts", List.of(Map.of("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "start", "00:00", "end", "00:00")));
        campaign.put("priority", priority);
        campaign.put("kind", "normal");
        return campaign;
    }

    @Test
    void aPublishedCampaignReachesItsDisplaysManifestInRedisAndOnTheTopicAndUnpairingWithdrawsIt() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var content = UUID.randomUUID();
        var playlist = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        var sha = "b".repeat(64);
        events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Lobby",
                "timeZone", "Australia/Sydney", "groupIds", List.of(), "tags", List.of("lobby")));
        events.send(tenant, "vizora.content.content_uploaded.v1", content, Map.of("contentId", content.toString(), "name", "Spot",
                "kind", "image", "mediaType", "image/png", "sizeBytes", 10, "sha256", sha, "objectKey", "tenants/" + tenant + "/content/" + content + "/original"));
        events.send(tenant, "vizora.scheduling.playlist_created.v1", playlist, Map.of("playlistId", playlist.toString(), "name", "Loop",
                "items", List.of(Map.of("contentId", content.toString(), "durationMs", 8000))));
        events.send(tenant, "vizora.scheduling.campaign_created.v1", campaign, campaign(campaign, playlist, 10));
        events.send(tenant, "vizora.scheduling.campaign_published.v1", campaign, Map.of("campaignId", campaign.toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inRedis(display)).hasValueSatisfying(manifest ->
                assertThat(manifest.path("slices").path(0).path("source").asString("")).isEqualTo("campaign")));
        var first = inRedis(display).orElseThrow();
        assertThat(first.get("timeZone").asString()).isEqualTo("Australia/Sydney");
        assertThat(Duration.between(Instant.parse(first.get("validFrom").asString()), Instant.parse(first.get("validUntil").asString())))
                .isEqualTo(Duration.ofDays(7));
        var item = first.get("slices").get(0).get("items").get(0);
        assertThat(item.get("sha256").asString()).isEqualTo(sha);
        assertThat(item.get("campaignId").asString()).isEqualTo(campaign.toString());
        assertThat(item.get("url").asString()).contains(content.toString()).contains("X-Amz-Signature=");
        assertThat(onTopic(display)).hasValueSatisfying(record ->
                assertThat(record.orElseThrow().get("version").asLong()).isEqualTo(first.get("version").asLong()));

        events.send(tenant, "vizora.scheduling.campaign_updated.v1", campaign, campaign(campaign, playlist, 20));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inRedis(display).orElseThrow().get("version").asLong()).isGreaterThan(first.get("version").asLong()));

        events.send(tenant, "vizora.fleet.display_unpaired.v1", display, Map.of("displayId", display.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inRedis(display)).isEmpty();
            assertThat(onTopic(display)).hasValue(Optional.empty());
        });
    }

    @Test
    void whatRedisLostIsStoredAgainEachDisplaysManifestAndItsOpenCommands() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var command = UUID.randomUUID();
        var now = Instant.now();
        events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Hall",
                "timeZone", "UTC", "groupIds", List.of(), "tags", List.of()));
        events.send(tenant, io.vizora.projector.commands.CommandFold.ISSUED, command, Map.of("commandId", command.toString(), "command", "reload",
                "displayIds", List.of(display.toString()), "issuedAt", now.toString(), "expiresAt", now.plus(Duration.ofHours(1)).toString()));
        var layout = properties.redis();
        await().atMost(Duration.ofSeconds(30)).until(() -> inRedis(display).isPresent()
                && Boolean.TRUE.equals(redis.opsForHash().hasKey(layout.commands(display), command.toString()).block()));
        var before = inRedis(display).orElseThrow().get("version").asLong();

        // as a Redis restarted without its data holds them: nothing (the other keys of the suite's displays are left be)
        redis.delete(layout.stored(), layout.manifest(display), layout.commands(display)).block();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inRedis(display)).hasValueSatisfying(manifest -> assertThat(manifest.get("version").asLong()).isGreaterThan(before));
            assertThat(redis.opsForHash().hasKey(layout.commands(display), command.toString()).block()).isTrue();
            assertThat(redis.hasKey(layout.stored()).block()).isTrue();
        });
    }

    @Test
    void aManifestWhoseHorizonRunsShortIsCompiledAgain() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Old",
                "timeZone", "UTC", "groupIds", List.of(), "tags", List.of()));
        // settled: nothing due and Redis holds the version the table gave, so no compile is in flight
        await().atMost(Duration.ofSeconds(30)).until(() -> inRedis(display).isPresent()
                && inRedis(display).orElseThrow().get("version").asLong() == tableVersion(display)
                && !isDue(display));
        var before = inRedis(display).orElseThrow().get("version").asLong();
        db.sql("UPDATE manifest SET valid_until = now() + interval '1 hour' WHERE display_id = :id").bind("id", display).then().block();

        worker.markExpiring();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inRedis(display).orElseThrow().get("version").asLong()).isGreaterThan(before));
        assertThat(db.sql("SELECT valid_until > now() + interval '6 days' FROM manifest WHERE display_id = :id").bind("id", display)
                .map(row -> row.get(0, Boolean.class)).one().block()).isTrue();
    }

    private long tableVersion(UUID displayId) {
        return db.sql("SELECT version FROM manifest WHERE display_id = :id").bind("id", displayId)
                .map(row -> row.get(0, Long.class)).one().blockOptional().orElse(-1L);
    }

    private boolean isDue(UUID displayId) {
        return db.sql("SELECT count(*) FROM manifest_due WHERE display_id = :id").bind("id", displayId)
                .map(row -> row.get(0, Long.class)).one().block() > 0;
    }

    @Test
    void withoutACampaignADisplayPlaysItsOwnDefaultElseItsOrganisationsElseNothing() {
        var tenant = UUID.randomUUID();
        var own = UUID.randomUUID();
        var plain = UUID.randomUUID();
        var content = UUID.randomUUID();
        var ownDefault = UUID.randomUUID();
        var organisationDefault = UUID.randomUUID();
        events.send(tenant, "vizora.content.content_uploaded.v1", content, Map.of("contentId", content.toString(), "name", "Idle",
                "kind", "web", "mediaType", "text/html", "sizeBytes", 0, "sha256", "f".repeat(64), "url", "https://example.org/idle"));
        for (var playlist : List.of(ownDefault, organisationDefault)) {
            events.send(tenant, "vizora.scheduling.playlist_created.v1", playlist, Map.of("playlistId", playlist.toString(), "name", "Idle",
                    "items", List.of(Map.of("contentId", content.toString(), "durationMs", 5000))));
        }
        var withDefault = new HashMap<String, Object>(Map.of("displayId", own.toString(), "name", "Own", "timeZone", "UTC",
                "groupIds", List.of(), "tags", List.of()));
        withDefault.put("defaultPlaylistId", ownDefault.toString());
        events.send(tenant, "vizora.fleet.display_paired.v1", own, withDefault);
        events.send(tenant, "vizora.fleet.display_paired.v1", plain, Map.of("displayId", plain.toString(), "name", "Plain", "timeZone", "UTC",
                "groupIds", List.of(), "tags", List.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inRedis(own)).hasValueSatisfying(manifest ->
                    assertThat(manifest.path("slices").path(0).path("source").asString("")).isEqualTo("display_default"));
            assertThat(inRedis(plain)).hasValueSatisfying(manifest ->
                    assertThat(manifest.path("slices").path(0).path("source").asString("")).isEqualTo("blank"));
        });

        events.send(tenant, "vizora.scheduling.default_playlist_set.v1", tenant, Map.of("playlistId", organisationDefault.toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inRedis(plain)).hasValueSatisfying(manifest ->
                assertThat(manifest.path("slices").path(0).path("source").asString("")).isEqualTo("organisation_default")));
        assertThat(inRedis(own).orElseThrow().path("slices").path(0).path("source").asString("")).isEqualTo("display_default");
    }

    @Test
    void anItemFoldedAfterTheDefaultPlaylistThatListsItIsCompiledIntoTheDisplaysOfThatDefault() {
        // different keys, different partitions: a rebuild may fold the playlist before the item
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var early = UUID.randomUUID();
        var late = UUID.randomUUID();
        var playlist = UUID.randomUUID();
        events.send(tenant, "vizora.content.content_uploaded.v1", early, Map.of("contentId", early.toString(), "name", "Early",
                "kind", "web", "mediaType", "text/html", "sizeBytes", 0, "sha256", "a".repeat(64), "url", "https://example.org/early"));
        events.send(tenant, "vizora.scheduling.playlist_created.v1", playlist, Map.of("playlistId", playlist.toString(), "name", "Idle",
                "items", List.of(Map.of("contentId", early.toString(), "durationMs", 5000), Map.of("contentId", late.toString(), "durationMs", 5000))));
        events.send(tenant, "vizora.scheduling.default_playlist_set.v1", tenant, Map.of("playlistId", playlist.toString()));
        events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Plain", "timeZone", "UTC",
                "groupIds", List.of(), "tags", List.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inRedis(display)).hasValueSatisfying(manifest ->
                assertThat(manifest.path("slices").path(0).path("items").findValuesAsString("contentId")).containsExactly(early.toString())));

        events.send(tenant, "vizora.content.content_uploaded.v1", late, Map.of("contentId", late.toString(), "name", "Late",
                "kind", "web", "mediaType", "text/html", "sizeBytes", 0, "sha256", "b".repeat(64), "url", "https://example.org/late"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inRedis(display)).hasValueSatisfying(manifest ->
                assertThat(manifest.path("slices").path(0).path("items").findValuesAsString("contentId"))
                        .containsExactly(early.toString(), late.toString())));
    }

    @Test
    void aCampaignForAGroupRecompilesEveryMemberAndNoOtherDisplay() {
        var tenant = UUID.randomUUID();
        var group = UUID.randomUUID();
        var members = new ArrayList<UUID>();
        for (int i = 0; i < 20; i++) {
            var display = UUID.randomUUID();
            members.add(display);
            events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Member " + i,
                    "timeZone", "Europe/Berlin", "groupIds", List.of(group.toString()), "tags", List.of()));
        }
        var outsider = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_paired.v1", outsider, Map.of("displayId", outsider.toString(), "name", "Outsider",
                "timeZone", "Europe/Berlin", "groupIds", List.of(), "tags", List.of()));
        var content = UUID.randomUUID();
        var playlist = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        events.send(tenant, "vizora.content.content_uploaded.v1", content, Map.of("contentId", content.toString(), "name", "Page",
                "kind", "web", "mediaType", "text/html", "sizeBytes", 0, "sha256", "c".repeat(64), "url", "https://example.org/menu"));
        events.send(tenant, "vizora.scheduling.playlist_created.v1", playlist, Map.of("playlistId", playlist.toString(), "name", "Loop",
                "items", List.of(Map.of("contentId", content.toString(), "durationMs", 8000))));
        var body = campaign(campaign, playlist, 10);
        body.put("targets", Map.of("displayIds", List.of(), "groupIds", List.of(group.toString()), "tags", List.of()));
        events.send(tenant, "vizora.scheduling.campaign_created.v1", campaign, body);
        events.send(tenant, "vizora.scheduling.campaign_published.v1", campaign, Map.of("campaignId", campaign.toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (var member : members) {
                assertThat(inRedis(member)).hasValueSatisfying(manifest ->
                        assertThat(manifest.path("slices").path(0).path("items").path(0).path("url").asString("")).isEqualTo("https://example.org/menu"));
            }
        });
        assertThat(inRedis(outsider)).hasValueSatisfying(manifest ->
                assertThat(manifest.get("slices").get(0).get("source").asString()).isEqualTo("blank"));
    }
}
