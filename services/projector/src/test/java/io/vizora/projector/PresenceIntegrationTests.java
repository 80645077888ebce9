package io.vizora.projector;

import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestJwks;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ProjectorIntegrationTest
class PresenceIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ProjectorProperties properties;

    /** The presence announcements about a display on the topic, oldest first, as type and event id. */
    private static List<List<String>> announcements(UUID displayId) {
        return TestStack.records("vizora.presence").stream()
                .filter(record -> record.key().equals(displayId.toString()))
                .map(record -> JSON.readTree(record.value()))
                .filter(event -> !event.get("type").asString().endsWith("heartbeat.v1"))
                .map(event -> List.of(event.get("type").asString().replace("vizora.presence.", "").replace(".v1", ""), event.get("id").asString()))
                .toList();
    }

    private UUID heartbeat(UUID tenant, UUID display) {
        return events.send(tenant, "vizora.presence.heartbeat.v1", display, Map.of("displayId", display.toString(), "sentAt", Instant.now().toString(),
                "cpuPercent", 12.5, "appVersion", "0.1.0", "screenOn", true));
    }

    private List<String> types(UUID display) {
        return announcements(display).stream().map(List::getFirst).toList();
    }

    /** Heartbeats every poll (100 ms) until the display's announcements are as expected. */
    private void heartbeatUntil(UUID tenant, UUID display, String... expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            heartbeat(tenant, display);
            assertThat(types(display)).containsExactly(expected);
        });
    }

    @Test
    void aDisplayHeardForTheOnlineGraceComesOnlineAndGoesOfflineAfterTheOfflineGraceOnce() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Foyer",
                "timeZone", "Europe/Berlin", "groupIds", List.of(), "tags", List.of()));
        var token = TestJwks.operator(tenant, "viewer");

        heartbeatUntil(tenant, display, "display_came_online");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            heartbeat(tenant, display);
            http.get().uri("/api/v1/fleet").header("Authorization", "Bearer " + token)
                    .exchange().expectBody().jsonPath("$[0].online").isEqualTo(true).jsonPath("$[0].lastSeenAt").isNotEmpty();
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(display)).containsExactly("display_came_online", "display_went_offline"));
        http.get().uri("/api/v1/fleet").header("Authorization", "Bearer " + token).exchange().expectBody().jsonPath("$[0].online").isEqualTo(false);

        heartbeatUntil(tenant, display, "display_came_online", "display_went_offline", "display_came_online");
    }

    @Test
    void aDisplayHeardOnlyBrieflyIsNeverAnnounced() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        heartbeat(tenant, display);
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.opsForHash().hasKey("vizora:presence:" + display, "lastSeen")
                && !redis.opsForHash().hasKey("vizora:presence:" + display, "firstHeard"));

        assertThat(types(display)).isEmpty();
    }

    @Test
    void heartbeatsWhileOnlineAndARedeliveredHeartbeatAnnounceNothingMore() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var first = heartbeat(tenant, display);
        heartbeatUntil(tenant, display, "display_came_online");

        events.send(first, tenant, "vizora.presence.heartbeat.v1", display, Map.of("displayId", display.toString(), "sentAt", Instant.now().toString()));
        heartbeat(tenant, display);
        var marker = UUID.randomUUID();
        heartbeatUntil(tenant, marker, "display_came_online");

        assertThat(types(display)).containsExactly("display_came_online");
    }

    /**
     * Redis keeps nothing across a restart (ADR 0043, ADR 0044). A display online when it
     * lost its data must be online again without a second came-online, and, once it falls silent,
     * still be announced offline: partners would otherwise hear it come online twice and never
     * hear that it died.
     */
    @Test
    void aDisplayOnlineWhenRedisLostItsDataIsNotAnnouncedOnlineAgainAndIsAnnouncedOfflineOnceSilent() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        heartbeatUntil(tenant, display, "display_came_online");

        // as a Redis restarted without its data holds this display's presence: nothing (the suite's other displays are left be)
        redis.delete(List.of(properties.redis().stored(), "vizora:presence:" + display));
        redis.opsForZSet().remove("vizora:presence:online", tenant + ":" + display);
        await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(redis.opsForHash().get("vizora:presence:" + display, "state")));

        // heard for longer than the online grace: another display heard alongside it comes online meanwhile
        var alongside = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            heartbeat(tenant, display);
            heartbeat(tenant, alongside);
            assertThat(types(alongside)).containsExactly("display_came_online");
        });
        assertThat(types(display)).containsExactly("display_came_online");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(display)).containsExactly("display_came_online", "display_went_offline"));
    }
}
