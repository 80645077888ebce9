package io.vizora.command.scheduling.web;

import io.vizora.command.Campaigns;
import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Library;
import io.vizora.command.Organisations;
import io.vizora.command.Outbox;
import io.vizora.command.Screens;
import io.vizora.command.scheduling.application.CampaignExpiry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class CampaignsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    CampaignExpiry expiry;

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec put(String token, UUID campaignId, Map<String, Object> body) {
        return http.put().uri("/api/v1/campaigns/" + campaignId).header("Authorization", "Bearer " + token).bodyValue(body).exchange();
    }

    private UUID playlist(String token) {
        return Campaigns.playlist(http, token, Library.image(http, token, "Spot"));
    }

    @Test
    void editorsDraftAdminsPublishAndEndAndEveryStepIsAnEvent() {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");
        var admin = organisation.tokens().get("admin");
        var display = Screens.pair(http, admin, "Counter", List.of(), List.of());
        var body = Campaigns.body(playlist(editor), List.of("menu"));
        body.put("targets", Map.of("displayIds", List.of(display), "groupIds", List.of(), "tags", List.of("Menu", "menu")));
        body.put("recurrence", Map.of("everyWeeks", 2));

        var campaignId = Campaigns.created(http, editor, body);
        get(editor, "/api/v1/campaigns/" + campaignId).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("draft")
                .jsonPath("$.targets.tags").isEqualTo(List.of("menu"))
                .jsonPath("$.dayparts[1].weekdays").isEqualTo(List.of("FRIDAY", "SATURDAY"))
                .jsonPath("$.dayparts[1].end").isEqualTo("01:00")
                .jsonPath("$.recurrence.everyWeeks").isEqualTo(2);

        Campaigns.act(http, editor, campaignId, "publish").expectStatus().isForbidden();
        Campaigns.act(http, admin, campaignId, "publish").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("published");
        Campaigns.act(http, admin, campaignId, "publish").expectStatus().isEqualTo(409);
        body.put("priority", 350);
        put(editor, campaignId, body).expectStatus().isForbidden();
        put(admin, campaignId, body).expectStatus().isOk().expectBody().jsonPath("$.priority").isEqualTo(350);
        http.delete().uri("/api/v1/campaigns/" + campaignId).header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("end it"));
        Campaigns.act(http, admin, campaignId, "end").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ended");
        put(admin, campaignId, body).expectStatus().isEqualTo(409);
        http.delete().uri("/api/v1/campaigns/" + campaignId).header("Authorization", "Bearer " + editor).exchange().expectStatus().isNoContent();

        assertThat(Outbox.types(db, campaignId)).containsExactly("vizora.scheduling.campaign_created.v1", "vizora.scheduling.campaign_published.v1",
                "vizora.scheduling.campaign_updated.v1", "vizora.scheduling.campaign_ended.v1", "vizora.scheduling.campaign_deleted.v1");
        assertThat(Outbox.data(db, campaignId, "vizora.scheduling.campaign_updated.v1"))
                .containsEntry("priority", 350).containsEntry("recurrence", Map.of("everyWeeks", 2));
        assertThat(Outbox.data(db, campaignId, "vizora.scheduling.campaign_ended.v1")).containsEntry("reason", "ended_by_operator");
    }

    @Test
    void anImpossibleScheduleIsRefusedSayingWhatIsWrong() {
        var editor = Organisations.create(http).tokens().get("editor");
        var body = Campaigns.body(playlist(editor), List.of("menu"));
        body.put("startDate", "2026-12-05");
        body.put("endDate", "2026-12-06");
        body.put("dayparts", List.of(Map.of("weekdays", List.of("monday"), "start", "07:00", "end", "10:30")));

        Campaigns.create(http, editor, body).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.title").isEqualTo("Invalid campaign")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("never plays").contains("2026-12-05"));

        body.put("endDate", "2026-12-01");
        Campaigns.create(http, editor, body).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("the end date 2026-12-01 is before the start date 2026-12-05"));

        body.put("endDate", "2026-12-31");
        body.put("dayparts", List.of(Map.of("weekdays", List.of("monday"), "start", "25:00", "end", "10:30")));
        Campaigns.create(http, editor, body).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("dayparts[0].start");

        body.put("dayparts", List.of(Map.of("weekdays", List.of("someday"), "start", "07:00", "end", "10:30")));
        Campaigns.create(http, editor, body).expectStatus().isBadRequest();
        get(editor, "/api/v1/campaigns").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aCampaignRefersOnlyToItsOwnOrganisationsPlaylistsDisplaysAndGroups() {
        var editor = Organisations.create(http).tokens().get("editor");
        var other = Organisations.create(http).tokens().get("admin");
        var theirPlaylist = playlist(other);
        var theirDisplay = Screens.pair(http, other, "Theirs", List.of(), List.of());
        var body = Campaigns.body(theirPlaylist, List.of());
        body.put("targets", Map.of("displayIds", List.of(theirDisplay), "groupIds", List.of(), "tags", List.of("no good")));

        Campaigns.create(http, editor, body).expectStatus().isEqualTo(422);
        body.put("targets", Map.of("displayIds", List.of(theirDisplay), "groupIds", List.of(), "tags", List.of()));
        Campaigns.create(http, editor, body).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("there is no playlist " + theirPlaylist).contains("there is no display " + theirDisplay));
    }

    @Test
    void publishingNeedsTargetsAndAnEndDateAhead() {
        var admin = Organisations.create(http).tokens().get("admin");
        var aimless = Campaigns.created(http, admin, Campaigns.body(playlist(admin), List.of()));
        Campaigns.act(http, admin, aimless, "publish").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("targets no display, group or tag"));

        var past = Campaigns.body(playlist(admin), List.of("menu"));
        past.put("startDate", LocalDate.now().minusDays(20).toString());
        past.put("endDate", LocalDate.now().minusDays(10).toString());
        var late = Campaigns.created(http, admin, past);
        Campaigns.act(http, admin, late, "publish").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("has passed"));
        get(admin, "/api/v1/campaigns?state=draft").expectBody().jsonPath("$.length()").isEqualTo(2);
        get(admin, "/api/v1/campaigns?state=published").expectBody().jsonPath("$.length()").isEqualTo(0);
        get(admin, "/api/v1/campaigns?state=whatever").expectStatus().isBadRequest();
    }

    @Test
    void aPublishedCampaignWhoseEndDateHasPassedEndsByItselfAsTheSystem() {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var campaignId = Campaigns.created(http, admin, Campaigns.body(playlist(admin), List.of("menu")));
        Campaigns.act(http, admin, campaignId, "publish").expectStatus().isOk();
        db.sql("UPDATE campaign SET start_date = current_date - 10, end_date = current_date - 3 WHERE id = :id").bind("id", campaignId).then().block();

        assertThat(expiry.endExpired().block()).isGreaterThanOrEqualTo(1L);

        get(admin, "/api/v1/campaigns/" + campaignId).expectBody().jsonPath("$.state").isEqualTo("ended");
        assertThat(Outbox.data(db, campaignId, "vizora.scheduling.campaign_ended.v1")).containsEntry("reason", "expired");
        var principal = db.sql("SELECT payload->>'principal' FROM outbox WHERE aggregate_id = :id AND type = 'vizora.scheduling.campaign_ended.v1'")
                .bind("id", campaignId.toString()).map(row -> row.get(0, String.class)).one().block();
        assertThat(principal).isEqualTo("system");
        assertThat(expiry.endExpired().block()).isZero();
    }

    @Test
    void anotherOrganisationsCampaignIsNotFoundAndStaysAsItWas() {
        var mine = Organisations.create(http).tokens().get("admin");
        var theirs = Organisations.create(http).tokens().get("admin");
        var body = Campaigns.body(playlist(mine), List.of("menu"));
        var campaignId = Campaigns.created(http, mine, body);

        get(theirs, "/api/v1/campaigns/" + campaignId).expectStatus().isNotFound();
        put(theirs, campaignId, new HashMap<>(body)).expectStatus().isNotFound();
        for (var action : List.of("publish", "end")) {
            Campaigns.act(http, theirs, campaignId, action).expectStatus().isNotFound();
        }
        http.delete().uri("/api/v1/campaigns/" + campaignId).header("Authorization", "Bearer " + theirs).exchange().expectStatus().isNotFound();
        get(theirs, "/api/v1/campaigns").expectBody().jsonPath("$.length()").isEqualTo(0);
        get(mine, "/api/v1/campaigns/" + campaignId).expectBody().jsonPath("$.state").isEqualTo("draft");
        assertThat(Outbox.types(db, campaignId)).containsExactly("vizora.scheduling.campaign_created.v1");
    }

    @Test
    void aChangeMadeFromAVersionBeforeAPublishIsRefusedWith412AndThePublishedCampaignStaysAsPublished() {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var body = Campaigns.body(playlist(admin), List.of("menu"));
        var campaignId = Campaigns.created(http, admin, body);
        Campaigns.act(http, admin, campaignId, "publish").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        body.put("priority", 900);
        http.put().uri("/api/v1/campaigns/" + campaignId).header("Authorization", "Bearer " + admin).header("If-Match", "\"1\"")
                .bodyValue(body).exchange()
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.currentVersion").isEqualTo(2);
        get(admin, "/api/v1/campaigns/" + campaignId).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.priority").isEqualTo(200);

        http.put().uri("/api/v1/campaigns/" + campaignId).header("Authorization", "Bearer " + admin).header("If-Match", "\"1\", \"2\"")
                .bodyValue(body).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"").expectBody().jsonPath("$.priority").isEqualTo(900);
    }

    @Test
    void aTakeoverNowIsPublishedAtOnceForTheWholeOrganisationUntilItsPeriodEndsAndEndsEarlyByHand() {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var playlistId = playlist(admin);
        var request = Map.of("name", "Fire drill", "playlistId", playlistId, "targets", Map.of("wholeOrganisation", true), "durationSeconds", 1800);
        var before = java.time.Instant.now();

        http.post().uri("/api/v1/takeovers").header("Authorization", "Bearer " + organisation.tokens().get("editor")).bodyValue(request)
                .exchange().expectStatus().isForbidden();
        var created = http.post().uri("/api/v1/takeovers").header("Authorization", "Bearer " + admin).bodyValue(request).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created).containsEntry("state", "published").containsEntry("kind", "takeover").containsEntry("priority", 1000);
        assertThat((Map<String, Object>) created.get("targets")).containsEntry("wholeOrganisation", true);
        var period = (Map<String, String>) created.get("period");
        var startsAt = java.time.Instant.parse(period.get("startsAt"));
        assertThat(startsAt).isBetween(before, java.time.Instant.now());
        assertThat(java.time.Instant.parse(period.get("endsAt"))).isEqualTo(startsAt.plusSeconds(1800));
        var campaignId = UUID.fromString((String) created.get("campaignId"));
        assertThat(Outbox.types(db, campaignId)).containsExactly("vizora.scheduling.campaign_created.v1", "vizora.scheduling.campaign_published.v1");
        assertThat((Map<String, Object>) Outbox.data(db, campaignId, "vizora.scheduling.campaign_created.v1").get("period"))
                .containsEntry("startsAt", period.get("startsAt"));

        Campaigns.act(http, admin, campaignId, "end").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ended");

        var lapsing = UUID.fromString((String) http.post().uri("/api/v1/takeovers").header("Authorization", "Bearer " + admin).bodyValue(request)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("campaignId"));
        db.sql("UPDATE campaign SET starts_at = now() - interval '1 hour', ends_at = now() - interval '1 second' WHERE id = :id")
                .bind("id", lapsing).then().block();
        assertThat(expiry.endExpired().block()).isGreaterThanOrEqualTo(1L);
        get(admin, "/api/v1/campaigns/" + lapsing).expectBody().jsonPath("$.state").isEqualTo("ended");
        assertThat(Outbox.data(db, lapsing, "vizora.scheduling.campaign_ended.v1")).containsEntry("reason", "expired");
    }

    @Test
    void aTakeoverWithoutADurationOrTargetsOrForAnotherOrganisationsDisplayIsRefusedAndNothingIsCreated() {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var playlistId = playlist(admin);
        var theirs = Screens.pair(http, Organisations.create(http).tokens().get("admin"), "Theirs", List.of(), List.of());

        http.post().uri("/api/v1/takeovers").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("playlistId", playlistId, "targets", Map.of("tags", List.of("lobby")), "durationSeconds", 5)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("durationSeconds");
        http.post().uri("/api/v1/takeovers").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("playlistId", playlistId, "targets", Map.of(), "durationSeconds", 900)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("targets no display"));
        http.post().uri("/api/v1/takeovers").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("playlistId", playlistId, "targets", Map.of("displayIds", List.of(theirs)), "durationSeconds", 900)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("there is no display " + theirs));
        get(admin, "/api/v1/campaigns").expectBody().jsonPath("$.length()").isEqualTo(0);
    }
}
