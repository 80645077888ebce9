package io.vizora.partner;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.vizora.partner.feed.Feed;
import io.vizora.partner.feed.FeedSignals;
import io.vizora.partner.webhooks.WebhookDelivery;
import io.vizora.partner.webhooks.WebhookSender;
import io.vizora.partner.webhooks.WebhookSignature;
import io.vizora.partner.webhooks.WebhookTargets;
import io.vizora.partner.webhooks.Webhooks;
import io.vizora.testsupport.CuttableLink;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestJwks;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks delivered to receivers on loopback; attempts retried within a second, dead-lettered after five. */
@PartnerStreamsIntegrationTest
class WebhookIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    BuildProperties build;

    @Autowired
    WebhookDelivery delivery;

    @Autowired
    FeedSignals signals;

    @Autowired
    PartnerProperties properties;

    @Autowired
    WebhookSender sender;

    @Autowired
    DatabaseClient db;

    @Test
    void aReceiverThatFailsForAWhileStillGetsEveryEventOfItsOrganisationInOrderOnceAndSigned() throws Exception {
        var tenant = UUID.randomUUID();
        var admin = TestJwks.operator(tenant, "admin");
        try (var receiver = new Receiver(4)) {
            var registered = register(admin, receiver.url(), null);
            var secret = registered.path("secret").asString();

            var sent = new ArrayList<UUID>();
            var display = UUID.randomUUID();
            for (int i = 0; i < 8; i++) {
                sent.add(events.send(tenant, "vizora.fleet.display_updated.v1", display, Displays.data(display, "Screen " + i)));
                var stranger = UUID.randomUUID();
                events.send(UUID.randomUUID(), "vizora.fleet.display_paired.v1", stranger, Displays.data(stranger, "Someone else's"));
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receiver.accepted()).hasSize(sent.size()));
            var delivered = receiver.accepted();
            assertThat(delivered).extracting(delivery -> UUID.fromString(delivery.id())).containsExactlyElementsOf(sent);
            assertThat(delivered).allSatisfy(delivery -> {
                assertThat(delivery.signature())
                        .isEqualTo(WebhookSignature.sign(secret, delivery.id(), Long.parseLong(delivery.timestamp()), delivery.body()));
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp()))).isLessThan(300);
                assertThat(JSON.readTree(delivery.body()).path("tenantid").asString()).isEqualTo(tenant.toString());
            });
            assertThat(receiver.requests()).as("four refused attempts, then each event once").isEqualTo(sent.size() + 4);
            assertThat(list(admin, "/api/v1/webhooks/" + registered.path("webhookId").asString() + "/dead-letters")).isEmpty();
        }
    }

    @Test
    void aRoundTheDatabaseBrokeOffGoesOnOnceItAnswersNotWhenItsLeaseRunsOut() throws Exception {
        var tenant = UUID.randomUUID();
        var admin = TestJwks.operator(tenant, "admin");
        // this test's own delivery does the work, its database reached through a link the test cuts
        delivery.stop();
        try (var receiver = new Receiver(0); var link = new CuttableLink(TestStack.postgresHost(), TestStack.postgresPort())) {
            var throughLink = DatabaseClient.create(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                    .host(link.host()).port(link.port()).database(TestStack.Database.PARTNER.named()).schema("partner")
                    .username(TestStack.postgresUser()).password(TestStack.postgresPassword()).build()));
            var cutOff = new WebhookDelivery(new Webhooks(throughLink), new Feed(throughLink), signals, properties, sender);
            var webhook = UUID.fromString(register(admin, receiver.url(), null).path("webhookId").asString());
            var display = UUID.randomUUID();
            var first = events.send(tenant, "vizora.fleet.display_updated.v1", display, Displays.data(display, "Screen 1"));
            // answered slowly, so that the link is cut while the first event is with the receiver: its delivery is not recorded
            receiver.answerAfter(2_000);
            cutOff.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests() >= 1);
                link.cut();
                await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> position(webhook) == 0);
                receiver.answerAfter(0);
                var second = events.send(tenant, "vizora.fleet.display_updated.v1", display, Displays.data(display, "Screen 2"));
                link.restore();

                // well before the round's five-minute lease runs out
                await().atMost(Duration.ofSeconds(60)).until(() -> position(webhook) == 2);
                assertThat(receiver.accepted()).extracting(delivered -> UUID.fromString(delivered.id())).containsSubsequence(first, first, second);
            } finally {
                cutOff.stop();
            }
        } finally {
            delivery.start();
        }
    }

    private long position(UUID webhook) {
        return db.sql("SELECT position FROM webhook WHERE id = :id").bind("id", webhook).map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void anEventTheReceiverNeverTakesBecomesADeadLetterThatCanBeRedeliveredByHand() throws Exception {
        var tenant = UUID.randomUUID();
        var admin = TestJwks.operator(tenant, "owner");
        try (var receiver = new Receiver(Integer.MAX_VALUE)) {
            var webhook = register(admin, receiver.url(), List.of("vizora.fleet.display_paired.v1")).path("webhookId").asString();
            var display = UUID.randomUUID();
            var paired = events.send(tenant, "vizora.fleet.display_paired.v1", display, Displays.data(display, "Lobby"));
            events.send(tenant, "vizora.fleet.display_updated.v1", display, Displays.data(display, "Not subscribed"));

            var letters = "/api/v1/webhooks/" + webhook + "/dead-letters";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(list(admin, letters)).singleElement().satisfies(letter -> {
                assertThat(letter.path("eventId").asString()).isEqualTo(paired.toString());
                assertThat(letter.path("attempts").asInt()).isEqualTo(5);
                assertThat(letter.path("lastError").asString()).isEqualTo("the receiver answered HTTP 503");
            }));
            assertThat(receiver.requests()).isEqualTo(5);
            var letter = list(admin, letters).getFirst().path("deadLetterId").asString();

            http.post().uri(letters + "/" + letter + "/redeliver").header("Authorization", "Bearer " + admin).exchange()
                    .expectStatus().isEqualTo(502);
            receiver.failFromNowOn(0);
            http.post().uri(letters + "/" + letter + "/redeliver").header("Authorization", "Bearer " + admin).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.delivered").isEqualTo(true);

            assertThat(receiver.accepted()).extracting(Receiver.Delivery::id).containsExactly(paired.toString());
            assertThat(list(admin, letters).getFirst().path("redeliveredAt").isNull()).isFalse();
        }
    }

    @Test
    void anotherOrganisationsWebhooksAreNotFoundAndOnlyOwnersAndAdminsManageWebhooks() throws Exception {
        var tenant = UUID.randomUUID();
        var admin = TestJwks.operator(tenant, "admin");
        try (var receiver = new Receiver(0)) {
            var webhook = register(admin, receiver.url(), null).path("webhookId").asString();
            var stranger = TestJwks.operator(UUID.randomUUID(), "owner");

            assertThat(list(stranger, "/api/v1/webhooks")).isEmpty();
            http.get().uri("/api/v1/webhooks/" + webhook + "/dead-letters").header("Authorization", "Bearer " + stranger).exchange()
                    .expectStatus().isNotFound();
            http.delete().uri("/api/v1/webhooks/" + webhook).header("Authorization", "Bearer " + stranger).exchange()
                    .expectStatus().isNotFound();
            http.get().uri("/api/v1/webhooks").header("Authorization", "Bearer " + TestJwks.operator(tenant, "editor")).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/v1/webhooks").header("Authorization", "Bearer " + TestJwks.device(tenant)).exchange()
                    .expectStatus().isUnauthorized();

            assertThat(list(admin, "/api/v1/webhooks")).singleElement()
                    .satisfies(view -> assertThat(view.has("secret")).as("the secret is shown once").isFalse());
            http.delete().uri("/api/v1/webhooks/" + webhook).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
            assertThat(list(admin, "/api/v1/webhooks")).isEmpty();
        }
    }

    @Test
    void aWebhookDeletedWhileItsEventsAreBeingDeliveredReceivesNothingMore() throws Exception {
        var tenant = UUID.randomUUID();
        var admin = TestJwks.operator(tenant, "admin");
        try (var receiver = new Receiver(0)) {
            receiver.answerAfter(300);
            var webhook = register(admin, receiver.url(), null).path("webhookId").asString();
            var display = UUID.randomUUID();
            for (int i = 0; i < 20; i++) {
                events.send(tenant, "vizora.fleet.display_updated.v1", display, Displays.data(display, "Screen " + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.accepted().isEmpty());

            http.delete().uri("/api/v1/webhooks/" + webhook).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
            var atDeletion = receiver.requests();

            // one request may have been on its way; after it, delivery stops (its lease is gone with the webhook)
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() <= atDeletion + 1);
            assertThat(receiver.accepted()).hasSizeLessThan(20);
        }
    }

    @Test
    void aReceiverThatSendsHeadersAndThenNothingTimesOutLikeOneThatFails() throws Exception {
        var tenant = UUID.randomUUID();
        var admin = TestJwks.operator(tenant, "admin");
        try (var receiver = new Receiver(0)) {
            receiver.stallAfterHeaders();
            var webhook = register(admin, receiver.url(), null).path("webhookId").asString();
            var display = UUID.randomUUID();
            var paired = events.send(tenant, "vizora.fleet.display_paired.v1", display, Displays.data(display, "Lobby"));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(list(admin, "/api/v1/webhooks/" + webhook + "/dead-letters"))
                    .singleElement().satisfies(letter -> {
                        assertThat(letter.path("eventId").asString()).isEqualTo(paired.toString());
                        assertThat(letter.path("lastError").asString()).contains("Timeout");
                    }));
        }
    }

    /**
     * DNS rebinding: a name that answers a public address to the check, then a loopback one to the
     * connection, must not lead a delivery into Vizora's own network (ADR 0045).
     */
    @Test
    void aNameThatAnswersOtherwiseAfterTheCheckDoesNotLeadADeliveryIntoTheNetwork() throws Exception {
        try (var receiver = new Receiver(0)) {
            var queries = new java.util.concurrent.atomic.AtomicInteger();
            // "localhost": the JVM's own resolver answers loopback, as a rebinding name does from its second query on
            var rebinding = new WebhookTargets(false, host -> queries.getAndIncrement() == 0
                    ? new java.net.InetAddress[] {java.net.InetAddress.getByName("93.184.216.34")} : java.net.InetAddress.getAllByName(host));
            var attempt = new WebhookSender(rebinding, Duration.ofSeconds(5), Clock.systemUTC())
                    .send(receiver.url().replace("127.0.0.1", "localhost"), WebhookSignature.newSecret(),
                            new Feed.Entry(1, UUID.randomUUID(), "vizora.fleet.display_paired.v1", "{}"))
                    .block(Duration.ofSeconds(10));

            assertThat(attempt.delivered()).isFalse();
            assertThat(attempt.error()).contains("special-purpose");
            assertThat(receiver.requests()).isZero();
        }
    }

    @Test
    void aRegistrationWithABadUrlOrANonPublicTypeIsRefusedAndStoresNothing() {
        var tenant = UUID.randomUUID();
        var admin = TestJwks.operator(tenant, "admin");
        for (var body : List.of(Map.of("url", "ftp://partner.example/hook"), Map.of("url", "https://user:pw@partner.example/hook"),
                Map.of("url", ""), Map.of("url", "https://partner.example/hook", "types", List.of("vizora.identity.user_registered.v1")),
                Map.of("url", "https://partner.example/hook", "types", java.util.Arrays.asList((String) null)))) {
            http.post().uri("/api/v1/webhooks").header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).isNotBlank());
        }
        assertThat(list(admin, "/api/v1/webhooks")).isEmpty();
    }

    @Test
    void theFeedAndTheWebhooksAreDescribedByOpenApiWithTheCredentialsEachTakes() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/partner/v1/events'].get").exists()
                .jsonPath("$.paths['/api/v1/webhooks'].post").exists()
                .jsonPath("$.paths['/api/v1/webhooks/{id}/dead-letters/{letter}/redeliver'].post").exists()
                .jsonPath("$.info.title").isEqualTo("Vizora partner streams")
                .jsonPath("$.info.version").isEqualTo(build.getVersion())
                .jsonPath("$.info.description").value(description -> assertThat((String) description).contains("events:read"))
                .jsonPath("$.components.securitySchemes.operator.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.apiKey.type").isEqualTo("apiKey")
                .jsonPath("$.components.securitySchemes.apiKey.in").isEqualTo("header")
                .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("Authorization")
                .jsonPath("$.security[0].operator").exists()
                .jsonPath("$.paths['/partner/v1/events'].get.security.length()").isEqualTo(1)
                .jsonPath("$.paths['/partner/v1/events'].get.security[0].apiKey").exists()
                .jsonPath("$.paths['/api/v1/webhooks'].post.security").doesNotExist();
    }

    private JsonNode register(String token, String url, List<String> types) {
        var body = types == null ? Map.of("url", url) : Map.of("url", url, "types", types);
        var answer = http.post().uri("/api/v1/webhooks").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    private List<JsonNode> list(String token, String uri) {
        var body = http.get().uri(uri).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var list = new ArrayList<JsonNode>();
        JSON.readTree(body).forEach(list::add);
        return list;
    }

    /** The console's client and types are generated from openapi/partner-streams.json: it must be this service's document. */
    @Test
    void theOpenApiDocumentIsTheOneTheConsoleIsBuiltFrom() {
        var live = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(io.vizora.testsupport.OpenApiSnapshot.differences("partner-streams", live)).isNull();
    }
}
