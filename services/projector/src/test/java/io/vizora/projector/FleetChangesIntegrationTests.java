package io.vizora.projector;

import io.vizora.device.ManifestDocument;
import io.vizora.projector.manifest.ManifestPublisher;
import io.vizora.schedule.Timeline;
import io.vizora.schemas.Envelope;
import io.vizora.testsupport.ApiKeysOnTheTopic;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestJwks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live fleet: an operator's stream carries their displays' changes as they happen, and nothing of another organisation. */
@ProjectorIntegrationTest
class FleetChangesIntegrationTests {

    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ManifestPublisher publisher;

    private UUID pairedDisplay(UUID tenant, String name) {
        var display = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", name,
                "timeZone", "Europe/Paris", "groupIds", List.of(), "tags", List.of()));
        // a new generation of the projection first folds what earlier tests left on the shared topics
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> http.get().uri("/api/v1/fleet")
                .header("Authorization", "Bearer " + TestJwks.operator(tenant, "viewer")).exchange()
                .expectBody().jsonPath("$[?(@.displayId == '" + display + "')]").exists());
        return display;
    }

    private static void beat(UUID tenant, UUID display, UUID content) {
        var data = Map.<String, Object>of("displayId", display.toString(), "sentAt", Instant.now().toString(), "screen", "playing",
                "playing", Map.of("contentId", content.toString(), "fromCache", true));
        DomainEvents.shared().record("vizora.presence", display.toString(), Envelope.json(UUID.randomUUID(), "vizora.presence.heartbeat.v1",
                tenant, display.toString(), "device:" + display, Instant.now(), data, "/vizora/push-gateway"));
        DomainEvents.shared().flush();
    }

    @Test
    void anOperatorsStreamCarriesWhatTheirScreensShowAndTheirComingOnlineButNothingOfAnotherOrganisation() {
        var tenant = UUID.randomUUID();
        var other = UUID.randomUUID();
        var display = pairedDisplay(tenant, "Window");
        var theirs = pairedDisplay(other, "Theirs");
        var received = new CopyOnWriteArrayList<ServerSentEvent<JsonNode>>();
        var stream = follow(tenant, received);
        try {
            var poster = UUID.randomUUID();
            beat(tenant, display, poster);
            beat(other, theirs, poster);
            await().atMost(Duration.ofSeconds(10)).until(() -> entries(received).anyMatch(entry ->
                    entry.path("showing").path("playing").path("contentId").asString("").equals(poster.toString())));
            // heard again after the online grace, the display is announced online
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                beat(tenant, display, poster);
                return entries(received).anyMatch(entry -> entry.path("online").asBoolean(false));
            });
            assertThat(entries(received).map(entry -> entry.path("displayId").asString()).distinct().toList()).containsExactly(display.toString());
        } finally {
            stream.dispose();
        }
    }

    /** Follows the organisation's stream until disposed, once it is ready. */
    private Disposable follow(UUID tenant, List<ServerSentEvent<JsonNode>> received) {
        return follow("Bearer " + TestJwks.operator(tenant, "viewer"), received, new AtomicBoolean());
    }

    /** Follows the stream the credentials open until disposed, once it is ready; {@code ended} is set if the server ends it. */
    private Disposable follow(String authorization, List<ServerSentEvent<JsonNode>> received, AtomicBoolean ended) {
        // a client of its own: the suite's clients read every body whole, and this one never ends
        var stream = WebTestClient.bindToApplicationContext(context).build().get().uri("/api/v1/fleet/changes").header("Authorization", authorization)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody()
                .doOnComplete(() -> ended.set(true))
                .subscribe(received::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(event -> "ready".equals(event.event())));
        return stream;
    }

    /** A request with a revoked key is refused; a stream it opened before must not go on carrying the fleet for an hour. */
    @Test
    void aStreamOpenedWithAKeyEndsOnceTheKeyIsRevoked() {
        var tenant = UUID.randomUUID();
        var key = ApiKeysOnTheTopic.create(tenant, "displays:read");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/fleet").header("Authorization", key.header()).exchange()
                .expectStatus().isOk());
        var ended = new AtomicBoolean();
        var stream = follow(key.header(), new CopyOnWriteArrayList<>(), ended);
        try {
            ApiKeysOnTheTopic.revoke(tenant, key);
            await().atMost(Duration.ofSeconds(30)).untilTrue(ended);
        } finally {
            stream.dispose();
        }
    }

    @Test
    void theNewManifestsOfABatchOfDisplaysAreAnnouncedTogetherAndTheStreamNamesEachOfThem() {
        var tenant = UUID.randomUUID();
        var displays = List.of(pairedDisplay(tenant, "North"), pairedDisplay(tenant, "South"), pairedDisplay(tenant, "East"));
        var received = new CopyOnWriteArrayList<ServerSentEvent<JsonNode>>();
        var stream = follow(tenant, received);
        try {
            var now = Instant.now();
            // a version above any the worker gives, so Redis takes these manifests
            publisher.publishAll(displays.stream().map(display ->
                    ManifestDocument.of(display, tenant, Long.MAX_VALUE / 2, now, "Europe/Paris",
                            new Timeline(display, now, now.plus(Duration.ofDays(7)), List.of()))).toList()).block();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entries(received).map(entry -> entry.path("displayId").asString()))
                    .containsAll(displays.stream().map(UUID::toString).toList()));
        } finally {
            stream.dispose();
        }
    }

    private static java.util.stream.Stream<JsonNode> entries(List<ServerSentEvent<JsonNode>> received) {
        return received.stream().filter(event -> "displays".equals(event.event())).flatMap(event -> {
            var entries = new java.util.ArrayList<JsonNode>();
            event.data().forEach(entries::add);
            return entries.stream();
        });
    }

    @Test
    void withoutATokenTheStreamIsRefusedWithAProblemDetail() {
        http.get().uri("/api/v1/fleet/changes").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
