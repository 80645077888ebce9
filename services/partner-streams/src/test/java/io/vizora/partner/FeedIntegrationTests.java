package io.vizora.partner;

import io.vizora.schemas.PlayReports;
import io.vizora.testsupport.ApiKeysOnTheTopic;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The partner feed over the real stack: events sent to the topics as the relay would. */
@PartnerStreamsIntegrationTest
class FeedIntegrationTests {

    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void theFeedIsKeptInADatabaseOfItsOwnOutOfWhatTheRelayDecodes() {
        assertThat(db.sql("SELECT current_database()").map(row -> row.get(0, String.class)).one().block())
                .isEqualTo(TestStack.Database.PARTNER.named()).isNotEqualTo(TestStack.postgresDatabase());
    }

    @Test
    void theFeedsStatementsArePlannedForTheTableAsItIsNotAsItWasWhenFirstPrepared() {
        assertThat(db.sql("SHOW plan_cache_mode").map(row -> row.get(0, String.class)).one().block()).isEqualTo("force_custom_plan");
    }

    @Test
    void aPartnerReadingFromCursorZeroGetsEveryPublicEventOfItsOrganisationInOrderAndOnce() throws Exception {
        var tenant = UUID.randomUUID();
        var neighbour = UUID.randomUUID();
        var key = ApiKeysOnTheTopic.create(tenant, "events:read");
        var neighboursKey = ApiKeysOnTheTopic.create(neighbour, "events:read");

        var expected = new ArrayList<UUID>();
        var displays = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (var display : displays) {
            expected.add(events.send(tenant, "vizora.fleet.display_paired.v1", display, Displays.data(display, "Screen 0")));
        }
        for (int rename = 1; rename <= 4; rename++) {
            for (var display : displays) {
                expected.add(events.send(tenant, "vizora.fleet.display_updated.v1", display, Displays.data(display, "Screen " + rename)));
            }
        }
        var group = UUID.randomUUID();
        // a name beyond ASCII: the feed's events reach Postgres as UTF-8 bytes the service encoded itself
        var name = "Lobby – Zürich 東京";
        var created = events.send(tenant, "vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", name));
        expected.add(created);
        // redelivered, a heartbeat, and another organisation's event: none of them is a new event of this feed
        events.send(created, tenant, "vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", name));
        events.send(tenant, "vizora.presence.heartbeat.v1", displays.getFirst(),
                Map.of("displayId", displays.getFirst().toString(), "sentAt", Instant.now().toString()));
        var elsewhere = UUID.randomUUID();
        events.send(neighbour, "vizora.fleet.display_paired.v1", elsewhere, Displays.data(elsewhere, "Not yours"));

        var read = new ArrayList<JsonNode>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            read.clear();
            long after = 0;
            while (true) {
                var page = page(key, "/partner/v1/events?after=" + after + "&limit=4");
                if (page.isEmpty()) {
                    break;
                }
                read.addAll(page);
                after = page.getLast().path("position").asLong();
            }
            assertThat(read).hasSize(expected.size());
        });

        assertThat(read).extracting(event -> UUID.fromString(event.path("id").asString())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read).extracting(event -> event.path("position").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toList());
        assertThat(read).allSatisfy(event -> {
            assertThat(event.path("tenantid").asString()).isEqualTo(tenant.toString());
            assertThat(event.has("principal")).isFalse();
        });
        assertThat(read).filteredOn(event -> event.path("subject").asString().equals(group.toString()))
                .singleElement().satisfies(event -> assertThat(event.path("data").path("name").asString()).isEqualTo(name));
        for (var display : displays) {
            assertThat(read.stream().filter(event -> event.path("subject").asString().equals(display.toString()))
                    .map(event -> event.path("data").path("name").asString()))
                    .as("the events of one display in the order they happened")
                    .containsExactly("Screen 0", "Screen 1", "Screen 2", "Screen 3", "Screen 4");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(page(neighboursKey, "/partner/v1/events"))
                .extracting(event -> event.path("subject").asString()).containsExactly(elsewhere.toString()));
    }

    @Test
    void aReportOfPlaysReachesPartnersAsOnePlayEventEachAndAPlaySentAgainInAnotherReportOnlyOnce() throws Exception {
        var tenant = UUID.randomUUID();
        var key = ApiKeysOnTheTopic.create(tenant, "events:read");
        var display = UUID.randomUUID();
        var plays = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        report(tenant, display, plays.subList(0, 2), 1);
        // the agent missed the acknowledgement and sends the second play again with the third
        report(tenant, display, plays.subList(1, 3), 2);

        var read = new ArrayList<JsonNode>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            read.clear();
            read.addAll(page(key, "/partner/v1/events"));
            assertThat(read).hasSize(3);
        });
        assertThat(read).extracting(event -> UUID.fromString(event.path("id").asString())).containsExactlyElementsOf(plays);
        assertThat(read).allSatisfy(event -> {
            assertThat(event.path("type").asString()).isEqualTo(PlayReports.PLAY);
            assertThat(event.path("dataschema").asString()).endsWith("/play_reported.v1.schema.json");
            assertThat(event.path("data").path("displayId").asString()).isEqualTo(display.toString());
            assertThat(event.path("data").has("playId")).isFalse();
        });
        assertThat(read).extracting(event -> event.path("data").path("sequence").asLong()).containsExactly(1L, 2L, 3L);
    }

    private void report(UUID tenant, UUID display, List<UUID> plays, long firstSequence) {
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < plays.size(); i++) {
            items.add(Map.of("playId", plays.get(i).toString(), "sequence", firstSequence + i, "contentId", UUID.randomUUID().toString(),
                    "startedAt", Instant.now().toString(), "durationMs", 10_000, "outcome", "completed"));
        }
        events.send(PlayReports.reportId(display, plays.stream().map(UUID::toString).toList()), tenant, PlayReports.REPORT, display,
                Map.of("displayId", display.toString(), "plays", items));
    }

    @Test
    void aLongPollAnswersWhenTheNextEventArrives() throws Exception {
        var tenant = UUID.randomUUID();
        var key = ApiKeysOnTheTopic.create(tenant, "events:read");
        var first = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_paired.v1", first, Displays.data(first, "First"));
        await().atMost(Duration.ofSeconds(30)).until(() -> page(key, "/partner/v1/events").size() == 1);

        var waiting = CompletableFuture.supplyAsync(() -> page(key, "/partner/v1/events?after=1&wait=30"));
        var second = UUID.randomUUID();
        var sent = events.send(tenant, "vizora.fleet.display_paired.v1", second, Displays.data(second, "Second"));

        var answer = waiting.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer).extracting(event -> event.path("id").asString()).containsExactly(sent.toString());
    }

    @Test
    void onlyLiveKeysWithTheEventsScopeMayRead() throws Exception {
        var tenant = UUID.randomUUID();
        var reader = ApiKeysOnTheTopic.create(tenant, "events:read");
        var displaysOnly = ApiKeysOnTheTopic.create(tenant, "displays:read");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(reader.header(), "/partner/v1/events").expectStatus().isOk());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(displaysOnly.header(), "/partner/v1/events").expectStatus().isForbidden());

        get("ApiKey vzk_" + "0".repeat(64), "/partner/v1/events").expectStatus().isUnauthorized();
        get("Bearer " + io.vizora.testsupport.TestJwks.operator(tenant, "owner"), "/partner/v1/events").expectStatus().isUnauthorized();
        http.get().uri("/partner/v1/events").exchange().expectStatus().isUnauthorized();

        ApiKeysOnTheTopic.revoke(tenant, reader);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(reader.header(), "/partner/v1/events").expectStatus().isUnauthorized());
    }

    @Test
    void nonsenseCursorsLimitsAndWaitsAreRefused() throws Exception {
        var key = ApiKeysOnTheTopic.create(UUID.randomUUID(), "events:read");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(key.header(), "/partner/v1/events").expectStatus().isOk());
        for (var query : List.of("after=-1", "limit=0", "limit=5000", "wait=31", "after=abc")) {
            get(key.header(), "/partner/v1/events?" + query).expectStatus().isBadRequest();
        }
    }


    private WebTestClient.ResponseSpec get(String authorization, String uri) {
        return http.mutate().responseTimeout(Duration.ofSeconds(45)).build()
                .get().uri(uri).header("Authorization", authorization).exchange();
    }

    private List<JsonNode> page(ApiKeysOnTheTopic.Key key, String uri) {
        var body = get(key.header(), uri).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var list = new ArrayList<JsonNode>();
        JsonMapper.shared().readTree(body).forEach(list::add);
        return list;
    }
}
