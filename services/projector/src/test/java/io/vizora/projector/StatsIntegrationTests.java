package io.vizora.projector;

import io.vizora.testsupport.DomainEvents;
import io.vizora.projector.analytics.Plays;
import io.vizora.testsupport.TestJwks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stats API over plays in ClickHouse, in the display's local time, scoped by organisation. */
@ProjectorIntegrationTest
class StatsIntegrationTests {


    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    BuildProperties build;

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    @Test
    void playsAreCountedByLocalDayHourContentAndGroupAndExportedAsCsvForTheCallersOrganisationOnly() throws Exception {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var group = UUID.randomUUID();
        var spot = UUID.randomUUID();
        var other = UUID.randomUUID();
        events.send(tenant, "vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", "Lobby"));
        events.send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Lobby",
                "timeZone", "Pacific/Auckland", "groupIds", List.of(group.toString()), "tags", List.of()));
        var token = TestJwks.operator(tenant, "viewer");
        // the display must be folded before its plays are dated in its zone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(token, "/api/v1/fleet").expectBody().jsonPath("$.length()").isEqualTo(1));

        // Auckland is UTC+13 in November: 10:30Z is 23:30 on the 26th, 11:30Z is 00:30 on the 27th
        Plays.report(tenant, display, UUID.randomUUID(), 1, Instant.parse("2026-11-26T10:30:00Z"), spot, "completed");
        Plays.report(tenant, display, UUID.randomUUID(), 2, Instant.parse("2026-11-26T11:30:00Z"), spot, "completed");
        Plays.report(tenant, display, UUID.randomUUID(), 3, Instant.parse("2026-11-26T11:31:00Z"), other, "failed");
        DomainEvents.shared().flush();

        var byDay = "/api/v1/stats/plays?from=2026-11-26&to=2026-11-27&by=day";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(token, byDay).expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(2)
                .jsonPath("$.rows[0].key").isEqualTo("2026-11-26").jsonPath("$.rows[0].plays").isEqualTo(1)
                .jsonPath("$.rows[1].key").isEqualTo("2026-11-27").jsonPath("$.rows[1].plays").isEqualTo(1)
                .jsonPath("$.rows[1].failed").isEqualTo(1));
        get(token, "/api/v1/stats/plays?from=2026-11-26&to=2026-11-27&by=hour").expectBody()
                .jsonPath("$.rows[0].key").isEqualTo("0").jsonPath("$.rows[1].key").isEqualTo("23");
        get(token, "/api/v1/stats/plays?from=2026-11-26&to=2026-11-26&by=content").expectBody()
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].key").isEqualTo(spot.toString()).jsonPath("$.rows[0].playTimeMs").isEqualTo(10_000);
        get(token, "/api/v1/stats/plays?from=2026-11-26&to=2026-11-27&by=group").expectBody()
                .jsonPath("$.rows[0].key").isEqualTo(group.toString()).jsonPath("$.rows[0].plays").isEqualTo(2);

        var csv = http.get().uri("/api/v1/stats/plays?from=2026-11-26&to=2026-11-27&by=content&format=csv")
                .header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().toList()).first().isEqualTo("key,plays,failed,play_time_ms");
        assertThat(csv).contains(spot + ",2,0,20000").contains(other + ",0,1,0");

        get(TestJwks.operator(UUID.randomUUID(), "owner"), byDay).expectStatus().isOk().expectBody().jsonPath("$.rows.length()").isEqualTo(0);
        get(TestJwks.device(tenant, display), byDay).expectStatus().isUnauthorized();
    }

    @Test
    void failedPlaysAreRankedByTheirShareOfPlaysWithWhereTheyFailed() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var poster = UUID.randomUUID();
        var video = UUID.randomUUID();
        var at = Instant.parse("2026-11-10T12:00:00Z");
        for (int i = 1; i <= 3; i++) {
            Plays.report(tenant, display, UUID.randomUUID(), i, at.plusSeconds(i * 10L), poster, "completed");
        }
        Plays.failed(tenant, display, 4, at.plusSeconds(40), poster, "download");
        Plays.report(tenant, display, UUID.randomUUID(), 5, at.plusSeconds(50), video, "completed");
        Plays.failed(tenant, display, 6, at.plusSeconds(60), video, "decode");
        Plays.failed(tenant, display, 7, at.plusSeconds(70), video, "verify");
        DomainEvents.shared().flush();
        var token = TestJwks.operator(tenant, "viewer");

        var byContent = "/api/v1/stats/errors?from=2026-11-10&to=2026-11-10&by=content";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(token, byContent).expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(2)
                .jsonPath("$.rows[0].key").isEqualTo(video.toString())
                .jsonPath("$.rows[0].plays").isEqualTo(3).jsonPath("$.rows[0].failed").isEqualTo(2)
                .jsonPath("$.rows[0].failedPercent").isEqualTo(66.7)
                .jsonPath("$.rows[0].failedAt.decode").isEqualTo(1).jsonPath("$.rows[0].failedAt.verify").isEqualTo(1)
                .jsonPath("$.rows[0].failedAt.download").isEqualTo(0)
                .jsonPath("$.rows[1].key").isEqualTo(poster.toString())
                .jsonPath("$.rows[1].failedPercent").isEqualTo(25.0).jsonPath("$.rows[1].failedAt.download").isEqualTo(1));
        get(token, "/api/v1/stats/errors?from=2026-11-10&to=2026-11-10&by=display").expectBody()
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].key").isEqualTo(display.toString()).jsonPath("$.rows[0].failed").isEqualTo(3)
                .jsonPath("$.rows[0].plays").isEqualTo(7);
        get(TestJwks.operator(UUID.randomUUID(), "owner"), byContent).expectBody().jsonPath("$.rows.length()").isEqualTo(0);
        get(token, "/api/v1/stats/errors?from=2026-11-10&to=2026-11-10&by=day").expectStatus().isBadRequest();
    }

    @Test
    void theStatsAreDescribedByOpenApiAsTheReadApiOfThisBuildForOperatorsTokens() {
        // the first request builds the document from every controller, which takes seconds on a busy machine
        http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/stats/plays'].get").exists()
                .jsonPath("$.paths['/api/v1/stats/planned-vs-actual'].get").exists()
                .jsonPath("$.paths['/api/v1/fleet'].get").exists()
                .jsonPath("$.info.title").isEqualTo("Vizora read API")
                .jsonPath("$.info.version").isEqualTo(build.getVersion())
                .jsonPath("$.info.description").value(description -> assertThat((String) description).contains("stats"))
                .jsonPath("$.components.securitySchemes.operator.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.operator.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.securitySchemes.apiKey").doesNotExist()
                .jsonPath("$.security[0].operator").exists()
                .jsonPath("$.paths['/api/v1/fleet'].get.security").doesNotExist();
    }

    @Test
    void aQueryThatMakesNoSenseIsRefusedWithAProblem() {
        var token = TestJwks.operator(UUID.randomUUID(), "viewer");
        get(token, "/api/v1/stats/plays?from=2026-11-26&to=2026-11-27&by=weather").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("content"));
        get(token, "/api/v1/stats/plays?from=2026-11-27&to=2026-11-26&by=day").expectStatus().isBadRequest();
        get(token, "/api/v1/stats/plays?from=2020-01-01&to=2026-11-26&by=day").expectStatus().isBadRequest();
        get(token, "/api/v1/stats/plays?from=yesterday&to=2026-11-26&by=day").expectStatus().isBadRequest();
    }

    /** Dates at the end of time overflowed the compiler's arithmetic, Postgres's timestamps or ClickHouse's dates into a 500. */
    @Test
    void aDateOrInstantFarBeyondAnyRecordIsRefusedWithAProblemThatNamesIt() {
        var owner = TestJwks.operator(UUID.randomUUID(), "owner");
        var far = "%2B999999999-12-30T12:00:00Z";
        var farther = "%2B999999999-12-31T12:00:00Z";
        for (var uri : List.of("/api/v1/stats/plays?from=%2B10000-01-01&to=%2B10000-01-01&by=day", "/api/v1/stats/errors?from=1999-12-31&to=2000-01-01&by=content",
                "/api/v1/stats/uptime?from=" + far + "&to=" + farther, "/api/v1/stats/health?from=" + far + "&to=" + farther,
                "/api/v1/stats/planned-vs-actual?from=" + far + "&to=" + farther + "&displayId=" + UUID.randomUUID(),
                "/api/v1/audit?before=%2B300000-01-01T00:00:00Z", "/api/v1/displays/" + UUID.randomUUID() + "/timeline?from=" + far + "&to=" + farther)) {
            http.get().uri(java.net.URI.create(uri)).header("Authorization", "Bearer " + owner).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).as(uri).containsAnyOf("from ", "before "));
        }
    }
}
