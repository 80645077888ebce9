package io.vizora.projector;

import io.vizora.testsupport.ApiKeysOnTheTopic;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestJwks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ProjectorIntegrationTest
class QueryIntegrationTests {

    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    io.vizora.platform.security.AccessRevocations revocations;

    @Test
    void aTokenIssuedBeforeItsUsersAccessChangedIsRefusedAndOneIssuedAfterIsTaken() {
        var tenant = UUID.randomUUID();
        var user = UUID.randomUUID();
        var before = TestJwks.operator(tenant, "owner", user);
        get(before, "/api/v1/fleet").expectStatus().isOk();

        revocations.revokeUser(user).block();

        get(before, "/api/v1/fleet").expectStatus().isUnauthorized()
                .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        get(TestJwks.operator(tenant, "viewer", user), "/api/v1/fleet").expectStatus().isOk();
        get(TestJwks.operator(tenant, "viewer"), "/api/v1/fleet").expectStatus().isOk();
    }

    @Test
    void eachReadScopeOfAnApiKeyOpensExactlyTheReadsItNamesInItsOwnOrganisation() {
        var scene = scene();
        var displays = ApiKeysOnTheTopic.create(scene.tenant(), "displays:read");
        var campaigns = ApiKeysOnTheTopic.create(scene.tenant(), "campaigns:read");
        var stats = ApiKeysOnTheTopic.create(scene.tenant(), "stats:read");
        var events = ApiKeysOnTheTopic.create(scene.tenant(), "events:read", "content:read", "displays:write");
        var timeline = "/api/v1/displays/" + scene.display() + "/timeline?from=" + Instant.now() + "&to=" + Instant.now().plus(Duration.ofDays(1));
        var plays = "/api/v1/stats/plays?by=display&from=" + LocalDate.now() + "&to=" + LocalDate.now().plusDays(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> withKey(displays, "/api/v1/fleet").expectStatus().isOk()
                .expectBody().jsonPath("$[0].displayId").isEqualTo(scene.display().toString()));
        withKey(displays, timeline).expectStatus().isOk();
        withKey(displays, "/api/v1/campaign-overview").expectStatus().isForbidden();
        withKey(displays, plays).expectStatus().isForbidden();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> withKey(campaigns, "/api/v1/campaign-overview").expectStatus().isOk()
                .expectBody().jsonPath("$[0].campaignId").isEqualTo(scene.campaign().toString()));
        withKey(campaigns, "/api/v1/fleet").expectStatus().isForbidden();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> withKey(stats, plays).expectStatus().isOk());
        withKey(stats, "/api/v1/fleet").expectStatus().isForbidden();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> withKey(events, plays).expectStatus().isForbidden());
        for (var key : List.of(displays, campaigns, stats, events)) {
            withKey(key, "/api/v1/audit").expectStatus().isForbidden();
        }

        ApiKeysOnTheTopic.revoke(scene.tenant(), displays);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> withKey(displays, "/api/v1/fleet").expectStatus().isUnauthorized());
    }

    @Test
    void theAuditLogIsForOwnersAndAdminsAndShowsNoKeysDigest() {
        var tenant = UUID.randomUUID();
        ApiKeysOnTheTopic.create(tenant, "events:read");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(TestJwks.operator(tenant, "owner"), "/api/v1/audit").expectStatus().isOk()
                .expectBody().jsonPath("$[0].type").isEqualTo("vizora.identity.api_key_created.v1")
                .jsonPath("$[0].data.scopes[0]").isEqualTo("events:read")
                .jsonPath("$[0].data.keyHash").doesNotExist());
        get(TestJwks.operator(tenant, "admin"), "/api/v1/audit").expectStatus().isOk();
        get(TestJwks.operator(tenant, "editor"), "/api/v1/audit").expectStatus().isForbidden();
        get(TestJwks.operator(tenant, "viewer"), "/api/v1/audit").expectStatus().isForbidden()
                .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec withKey(ApiKeysOnTheTopic.Key key, String uri) {
        return http.get().uri(uri).header("Authorization", key.header()).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    /** A display in Sydney playing one all-day campaign of two items. */
    private record Scene(UUID tenant, UUID display, UUID campaign, UUID first, UUID second) {
    }

    private Scene scene() {
        var scene = new Scene(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var playlist = UUID.randomUUID();
        events.send(scene.tenant(), "vizora.fleet.display_paired.v1", scene.display(), Map.of("displayId", scene.display().toString(),
                "name", "Foyer", "timeZone", "Australia/Sydney", "groupIds", List.of(), "tags", List.of("foyer")));
        for (var content : List.of(scene.first(), scene.second())) {
            events.send(scene.tenant(), "vizora.content.content_uploaded.v1", content, Map.of("contentId", content.toString(), "name", "Page",
                    "kind", "web", "mediaType", "text/html", "sizeBytes", 0, "sha256", "e".repeat(64), "url", "https://example.org/" + content));
        }
        events.send(scene.tenant(), "vizora.scheduling.playlist_created.v1", playlist, Map.of("playlistId", playlist.toString(), "name", "Loop",
                "items", List.of(Map.of("contentId", scene.first().toString(), "durationMs", 30_000),
                        Map.of("contentId", scene.second().toString(), "durationMs", 30_000))));
        var campaign = new HashMap<String, Object>(Map.of("campaignId", scene.campaign().toString(), "name", "Welcome",
                "playlistId", playlist.toString(), "targets", Map.of("displayIds", List.of(), "groupIds", List.of(), "tags", List.of("foyer")),
                "startDate", LocalDate.now().minusDays(2).toString(), "endDate", LocalDate.now().plusDays(30).toString(),
                "dayparts", List.of(Map.of("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "start", "00:00", "end", "00:00")), "priority", 5, "kind", "normal"));
        events.send(scene.tenant(), "vizora.scheduling.campaign_created.v1", scene.campaign(), campaign);
        events.send(scene.tenant(), "vizora.scheduling.campaign_published.v1", scene.campaign(), Map.of("campaignId", scene.campaign().toString()));
        return scene;
    }

    @Test
    void theFleetViewShowsEachDisplayWithWhatItPlaysNowAndNext() {
        var scene = scene();
        var token = TestJwks.operator(scene.tenant(), "viewer");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(token, "/api/v1/fleet").expectStatus().isOk().expectBody()
                .jsonPath("$[0].displayId").isEqualTo(scene.display().toString())
                .jsonPath("$[0].playing.source").isEqualTo("campaign")
                .jsonPath("$[0].playing.campaignIds[0]").isEqualTo(scene.campaign().toString()));
        var entry = get(token, "/api/v1/fleet").expectBody(List.class).returnResult().getResponseBody().getFirst();
        @SuppressWarnings("unchecked")
        var playing = (Map<String, Object>) ((Map<String, Object>) entry).get("playing");
        assertThat(List.of(playing.get("contentId"), playing.get("nextContentId")))
                .containsExactlyInAnyOrder(scene.first().toString(), scene.second().toString());
        assertThat(Instant.parse((String) playing.get("nextAt"))).isAfter(Instant.parse((String) playing.get("since")));
        assertThat(((Map<?, ?>) entry).get("manifestVersion")).isNotNull();

        get(TestJwks.operator(UUID.randomUUID(), "owner"), "/api/v1/fleet").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void theCampaignOverviewCountsTheDisplaysEachCampaignReaches() {
        var scene = scene();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(TestJwks.operator(scene.tenant(), "editor"), "/api/v1/campaign-overview")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].campaignId").isEqualTo(scene.campaign().toString())
                .jsonPath("$[0].state").isEqualTo("published")
                .jsonPath("$[0].displaysReached").isEqualTo(1));
    }

    @Test
    void theAuditLogSaysWhoDidWhatNewestFirstAndOnlyToItsOwnOrganisation() {
        var scene = scene();
        var token = TestJwks.operator(scene.tenant(), "admin");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(token, "/api/v1/audit").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(6)
                .jsonPath("$[0].type").isEqualTo("vizora.scheduling.campaign_published.v1")
                .jsonPath("$[0].principal").isEqualTo("user:" + new UUID(0, 7)));
        get(token, "/api/v1/audit?limit=2").expectBody().jsonPath("$.length()").isEqualTo(2);
        get(token, "/api/v1/audit?limit=0").expectStatus().isBadRequest();
        get(TestJwks.operator(UUID.randomUUID(), "owner"), "/api/v1/audit").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void thePlannedTimelineOfADisplayIsCompiledForAnyWindowOfItsOwnOrganisation() {
        var scene = scene();
        var token = TestJwks.operator(scene.tenant(), "viewer");
        var from = Instant.now().plus(Duration.ofDays(1));
        var uri = "/api/v1/displays/" + scene.display() + "/timeline?from=" + from + "&to=" + from.plus(Duration.ofDays(14));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(token, uri).expectStatus().isOk().expectBody()
                .jsonPath("$.slices.length()").isEqualTo(1)
                .jsonPath("$.slices[0].campaignIds[0]").isEqualTo(scene.campaign().toString())
                .jsonPath("$.slices[0].items.length()").isEqualTo(2)
                // the campaign's own windows beside the slices: one a day, its all-day window in Sydney
                .jsonPath("$.windows[0].campaignId").isEqualTo(scene.campaign().toString())
                .jsonPath("$.windows.length()").value(count -> assertThat((Integer) count).isBetween(14, 16)));
        get(TestJwks.operator(UUID.randomUUID(), "owner"), uri).expectStatus().isNotFound();
        get(token, "/api/v1/displays/" + scene.display() + "/timeline?from=" + from + "&to=" + from.plus(Duration.ofDays(40)))
                .expectStatus().isBadRequest();
    }

    @Test
    void onlyOperatorsTokensAreAccepted() {
        http.get().uri("/api/v1/fleet").exchange().expectStatus().isUnauthorized();
        get(TestJwks.device(UUID.randomUUID()), "/api/v1/fleet").expectStatus().isUnauthorized();
        get("not.a.token", "/api/v1/fleet").expectStatus().isUnauthorized();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    /** The console's client and types are generated from openapi/projector.json: it must be this service's document. */
    @Test
    void theOpenApiDocumentIsTheOneTheConsoleIsBuiltFrom() {
        var live = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(io.vizora.testsupport.OpenApiSnapshot.differences("projector", live)).isNull();
    }
}
