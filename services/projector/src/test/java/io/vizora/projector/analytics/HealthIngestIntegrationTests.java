package io.vizora.projector.analytics;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.projector.ProjectorIntegrationTest;
import io.vizora.schemas.Envelope;
import org.junit.jupiter.api.Test;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestJwks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Heartbeats reach ClickHouse as health samples, each once, with what the device said and nulls for what it did not. */
@ProjectorIntegrationTest
class HealthIngestIntegrationTests {


    @Autowired
    ClickHouseStore clickhouse;

    @Autowired
    WebTestClient http;

    private static void beat(UUID tenant, UUID display, UUID id, Map<String, Object> health) {
        beat(tenant, display, id, health, Instant.now());
    }

    private static void beat(UUID tenant, UUID display, UUID id, Map<String, Object> health, Instant sentAt) {
        var data = new HashMap<String, Object>(health);
        data.put("displayId", display.toString());
        data.put("sentAt", sentAt.toString());
        DomainEvents.shared().record("vizora.presence", display.toString(),
                Envelope.json(id, "vizora.presence.heartbeat.v1", tenant, display.toString(), "device:" + display, Instant.now(), data,
                        "/vizora/push-gateway"));
    }

    private String value(String sql) {
        return clickhouse.query(sql).getFirst().getFirst();
    }

    @Test
    void everyHeartbeatIsStoredOnceAsAHealthSample() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var content = UUID.randomUUID();
        var beats = new ArrayList<UUID>();
        for (int i = 0; i < 20; i++) {
            beats.add(UUID.randomUUID());
            beat(tenant, display, beats.getLast(), Map.of("cpuPercent", 10.0 + i, "screenOn", true, "appVersion", "0.1.0",
                    "playing", Map.of("contentId", content.toString(), "fromCache", true)));
        }
        for (int i = 0; i < 5; i++) {
            beat(tenant, display, beats.get(i), Map.of("cpuPercent", 10.0 + i, "screenOn", true));
        }
        var bare = UUID.randomUUID();
        beat(tenant, display, bare, Map.of());
        DomainEvents.shared().flush();

        var where = " FROM health_samples WHERE tenant_id = '" + tenant + "'";
        await().atMost(Duration.ofSeconds(30)).until(() -> value("SELECT count()" + where + " AND sample_id = '" + bare + "'").equals("1"));
        assertThat(value("SELECT count()" + where)).isEqualTo("21");
        assertThat(value("SELECT uniqExact(sample_id)" + where)).isEqualTo("21");
        assertThat(Double.parseDouble(value("SELECT max(cpu_percent)" + where))).isEqualTo(29.0);
        assertThat(value("SELECT countIf(playing_content_id = '" + content + "' AND from_cache = 1 AND screen_on = 1)" + where)).isEqualTo("20");
        assertThat(value("SELECT countIf(isNull(cpu_percent) AND isNull(screen_on) AND app_version = '')" + where)).isEqualTo("1");
    }

    @Test
    void uptimeIsTheShareOfMinutesInWhichTheDisplayWasHeard() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var start = Instant.parse("2026-11-20T10:00:00Z");
        // heard in minutes 0, 1 (twice) and 7 of a ten-minute period, and once outside it
        for (var second : new int[] {5, 65, 110, 430, 700}) {
            beat(tenant, display, UUID.randomUUID(), Map.of("screenOn", true), start.plusSeconds(second));
        }
        var last = UUID.randomUUID();
        beat(tenant, display, last, Map.of(), start.plusSeconds(3_600));
        DomainEvents.shared().flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> value("SELECT count() FROM health_samples WHERE sample_id = '" + last + "'").equals("1"));

        var token = TestJwks.operator(tenant, "viewer");
        http.get().uri("/api/v1/stats/uptime?from=2026-11-20T10:00:00Z&to=2026-11-20T10:10:00Z").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.displays.length()").isEqualTo(1)
                .jsonPath("$.displays[0].displayId").isEqualTo(display.toString())
                .jsonPath("$.displays[0].minutesHeard").isEqualTo(3)
                .jsonPath("$.displays[0].minutes").isEqualTo(10)
                .jsonPath("$.displays[0].percent").isEqualTo(30.0);
        http.get().uri("/api/v1/stats/uptime?from=2026-11-20T10:00:00Z&to=2026-11-20T10:10:00Z")
                .header("Authorization", "Bearer " + TestJwks.operator(UUID.randomUUID(), "owner"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.displays.length()").isEqualTo(0);
        http.get().uri("/api/v1/stats/uptime?from=2026-11-20T10:10:00Z&to=2026-11-20T10:00:00Z").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theFleetsHealthOverTimeCountsReportingDisplaysAndAveragesWhatTheySent() {
        var tenant = UUID.randomUUID();
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var start = Instant.parse("2026-11-21T08:00:00Z");
        beat(tenant, first, UUID.randomUUID(), Map.of("cpuPercent", 20.0, "temperatureCelsius", 50.0), start.plusSeconds(60));
        beat(tenant, second, UUID.randomUUID(), Map.of("cpuPercent", 40.0, "temperatureCelsius", 70.0, "screenOn", false), start.plusSeconds(120));
        beat(tenant, first, UUID.randomUUID(), Map.of("cpuPercent", 30.0), start.plusSeconds(3_700));
        var last = UUID.randomUUID();
        beat(tenant, first, last, Map.of(), start.plusSeconds(3_800));
        DomainEvents.shared().flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> value("SELECT count() FROM health_samples WHERE sample_id = '" + last + "'").equals("1"));

        var token = TestJwks.operator(tenant, "viewer");
        http.get().uri("/api/v1/stats/health?from=2026-11-21T08:00:00Z&to=2026-11-21T10:00:00Z&every=hour")
                .header("Authorization", "Bearer " + token).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.buckets.length()").isEqualTo(2)
                .jsonPath("$.buckets[0].at").isEqualTo("2026-11-21T08:00:00Z")
                .jsonPath("$.buckets[0].displaysReporting").isEqualTo(2)
                .jsonPath("$.buckets[0].avgCpuPercent").isEqualTo(30.0)
                .jsonPath("$.buckets[0].maxTemperatureCelsius").isEqualTo(70.0)
                .jsonPath("$.buckets[0].screenOffSamples").isEqualTo(1)
                .jsonPath("$.buckets[1].displaysReporting").isEqualTo(1)
                .jsonPath("$.buckets[1].samples").isEqualTo(2)
                .jsonPath("$.buckets[1].avgCpuPercent").isEqualTo(30.0)
                .jsonPath("$.buckets[1].maxTemperatureCelsius").doesNotExist();
        http.get().uri("/api/v1/stats/health?from=2026-11-21T08:00:00Z&to=2026-11-21T10:00:00Z&every=day")
                .header("Authorization", "Bearer " + token).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.buckets.length()").isEqualTo(1).jsonPath("$.buckets[0].samples").isEqualTo(4);
        http.get().uri("/api/v1/stats/health?from=2026-11-21T08:00:00Z&to=2026-11-21T10:00:00Z")
                .header("Authorization", "Bearer " + TestJwks.operator(UUID.randomUUID(), "owner"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.buckets.length()").isEqualTo(0);
        http.get().uri("/api/v1/stats/health?from=2026-11-21T08:00:00Z&to=2026-11-21T10:00:00Z&every=week")
                .header("Authorization", "Bearer " + token).exchange().expectStatus().isBadRequest();
    }
}
