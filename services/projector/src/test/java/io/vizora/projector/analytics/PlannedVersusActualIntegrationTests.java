package io.vizora.projector.analytics;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.projector.ProjectorIntegrationTest;
import io.vizora.device.ManifestDocument;
import io.vizora.projector.manifest.ManifestPublisher;
import io.vizora.schedule.PlayItem;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestJwks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Manifests as the projector publishes them, plays as screens report them, compared by the stats API. */
@ProjectorIntegrationTest
class PlannedVersusActualIntegrationTests {


    @Autowired
    ManifestPublisher publisher;

    @Autowired
    ClickHouseStore clickhouse;

    @Autowired
    WebTestClient http;

    private static ManifestDocument manifest(UUID tenant, UUID display, long version, Instant compiledAt, Instant start, Instant end,
                                             UUID campaign, UUID content) {
        var item = new PlayItem(content, "https://s3.example/" + content, "0".repeat(64), "image/png", 10_000, campaign);
        return new ManifestDocument(display, tenant, version, compiledAt, "UTC", start, end,
                List.of(new ManifestDocument.SliceDocument(start, end, "campaign", List.of(campaign), List.of(item))));
    }

    @Test
    void aDisplaysPlanIsComparedWithItsPlaysSliceBySliceAndACampaignsPerDisplay() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        var poster = UUID.randomUUID();
        var menu = UUID.randomUUID();
        var t0 = Instant.parse("2026-11-12T08:00:00Z");
        // v1 at 08:00 plans the poster until 10:00; v2 at 09:00 plans the menu from 09:00
        publisher.publish(manifest(tenant, display, 1, t0, t0, t0.plusSeconds(7_200), campaign, poster)).block();
        publisher.publish(manifest(tenant, display, 2, t0.plusSeconds(3_600), t0.plusSeconds(3_600), t0.plusSeconds(7_200), campaign, menu)).block();
        Plays.ofCampaign(tenant, display, 1, t0.plusSeconds(600), poster, campaign);
        Plays.ofCampaign(tenant, display, 2, t0.plusSeconds(4_200), poster, campaign);
        Plays.ofCampaign(tenant, display, 3, t0.plusSeconds(4_800), menu, campaign);
        DomainEvents.shared().flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> clickhouse.query("SELECT count() FROM plays WHERE display_id = '" + display + "'"
                + " UNION ALL SELECT count() FROM planned_slices WHERE display_id = '" + display + "'").stream()
                .mapToLong(row -> Long.parseLong(row.getFirst())).sum() == 5);

        var token = TestJwks.operator(tenant, "viewer");
        var period = "from=2026-11-12T08:00:00Z&to=2026-11-12T10:00:00Z";
        get(token, "/api/v1/stats/planned-vs-actual?" + period + "&displayId=" + display).expectStatus().isOk().expectBody()
                .jsonPath("$.report.segments.length()").isEqualTo(2)
                .jsonPath("$.report.segments[0].manifestVersion").isEqualTo(1)
                .jsonPath("$.report.segments[0].end").isEqualTo("2026-11-12T09:00:00Z")
                .jsonPath("$.report.segments[0].played." + poster).isEqualTo(1)
                .jsonPath("$.report.segments[1].manifestVersion").isEqualTo(2)
                .jsonPath("$.report.segments[1].played." + menu).isEqualTo(1)
                .jsonPath("$.report.segments[1].unplanned." + poster).isEqualTo(1)
                .jsonPath("$.report.plannedSeconds").isEqualTo(7_200)
                .jsonPath("$.report.unplannedPlays").isEqualTo(1)
                .jsonPath("$.report.missingItems").isEqualTo(0);
        get(token, "/api/v1/stats/planned-vs-actual?" + period + "&campaignId=" + campaign).expectStatus().isOk().expectBody()
                .jsonPath("$.displays.length()").isEqualTo(1)
                .jsonPath("$.displays[0].displayId").isEqualTo(display.toString())
                .jsonPath("$.plannedSeconds").isEqualTo(7_200)
                .jsonPath("$.plays").isEqualTo(3)
                .jsonPath("$.playedSeconds").isEqualTo(30)
                .jsonPath("$.segmentsMissed").isEqualTo(0);

        get(TestJwks.operator(UUID.randomUUID(), "owner"), "/api/v1/stats/planned-vs-actual?" + period + "&displayId=" + display)
                .expectStatus().isOk().expectBody().jsonPath("$.report.segments.length()").isEqualTo(0);
        get(token, "/api/v1/stats/planned-vs-actual?" + period).expectStatus().isBadRequest();
        get(token, "/api/v1/stats/planned-vs-actual?from=2026-11-01T00:00:00Z&to=2026-11-12T00:00:00Z&displayId=" + display)
                .expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }
}
