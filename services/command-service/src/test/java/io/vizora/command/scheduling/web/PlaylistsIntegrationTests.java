package io.vizora.command.scheduling.web;

import io.vizora.command.Campaigns;
import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Library;
import io.vizora.command.Organisations;
import io.vizora.command.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class PlaylistsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private WebTestClient.ResponseSpec send(String method, String token, String uri, Object body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri).header("Authorization", "Bearer " + token);
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private static Map<String, Object> item(UUID contentId, int durationMs) {
        return Map.of("contentId", contentId, "durationMs", durationMs);
    }

    @Test
    void aPlaylistKeepsItsItemsInOrderWithAnEventForEachChange() {
        var editor = Organisations.create(http).tokens().get("editor");
        var first = Library.image(http, editor, "First");
        var second = Library.image(http, editor, "Second");

        var playlistId = UUID.fromString((String) send("POST", editor, "/api/v1/playlists",
                Map.of("name", "Morning", "items", List.of(item(second, 5000), item(first, 15000), item(second, 5000))))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("playlistId"));
        send("GET", editor, "/api/v1/playlists/" + playlistId, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].contentId").isEqualTo(second.toString())
                .jsonPath("$.items[1].durationMs").isEqualTo(15000);

        send("PUT", editor, "/api/v1/playlists/" + playlistId, Map.of("name", "Morning loop", "items", List.of(item(first, 8000))))
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.name").isEqualTo("Morning loop");
        assertThat(Outbox.data(db, playlistId, "vizora.scheduling.playlist_updated.v1").get("items"))
                .isEqualTo(List.of(Map.of("contentId", first.toString(), "durationMs", 8000)));
        send("DELETE", editor, "/api/v1/playlists/" + playlistId, null).expectStatus().isNoContent();
        assertThat(Outbox.types(db, playlistId)).containsExactly("vizora.scheduling.playlist_created.v1",
                "vizora.scheduling.playlist_updated.v1", "vizora.scheduling.playlist_deleted.v1");
    }

    @Test
    void onlyUploadedContentOfTheOrganisationGoesInAndDurationsAreBounded() {
        var editor = Organisations.create(http).tokens().get("editor");
        var theirs = Library.image(http, Organisations.create(http).tokens().get("editor"), "Theirs");
        var pending = UUID.fromString((String) send("POST", editor, "/api/v1/content/uploads", Map.of("name", "Pending"))
                .expectBody(Map.class).returnResult().getResponseBody().get("contentId"));
        var mine = Library.image(http, editor, "Mine");

        send("POST", editor, "/api/v1/playlists", Map.of("name", "Bad", "items", List.of(item(theirs, 5000), item(pending, 5000), item(mine, 999))))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("there is no content " + theirs).contains("content " + pending + " is not uploaded yet").contains("item 3 lasts 999 ms"));
        send("GET", editor, "/api/v1/playlists", null).expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void contentAPublishedCampaignPlaysCannotBeDeletedAndTheRefusalNamesTheCampaign() {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var contentId = Library.image(http, admin, "Gingerbread latte");
        var playlistId = Campaigns.playlist(http, admin, contentId);
        var campaignId = Campaigns.created(http, admin, Campaigns.body(playlistId, List.of("menu")));
        Campaigns.act(http, admin, campaignId, "publish").expectStatus().isOk();

        send("DELETE", admin, "/api/v1/content/" + contentId, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.title").isEqualTo("Content in use")
                .jsonPath("$.campaigns[0].id").isEqualTo(campaignId.toString())
                .jsonPath("$.campaigns[0].name").isEqualTo("Winter warmers")
                .jsonPath("$.playlists[0].id").isEqualTo(playlistId.toString())
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'Winter warmers' (" + campaignId + ")"));
        send("DELETE", admin, "/api/v1/playlists/" + playlistId, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.campaigns[0].id").isEqualTo(campaignId.toString());
        send("GET", admin, "/api/v1/content/" + contentId, null).expectStatus().isOk();
    }

    @Test
    void aDisplayAndTheOrganisationHaveDefaultPlaylistsThatCannotBeDeletedWhileTheyAre() {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var playlistId = Campaigns.playlist(http, admin, Library.image(http, admin, "Idle loop"));
        var other = Organisations.create(http).tokens().get("admin");
        var theirs = Campaigns.playlist(http, other, Library.image(http, other, "Theirs"));
        var display = io.vizora.command.Screens.pair(http, admin, "Lobby", List.of(), List.of());
        var profile = new java.util.HashMap<String, Object>(Map.of("name", "Lobby", "timeZone", "UTC", "groupIds", List.of(), "tags", List.of()));

        profile.put("defaultPlaylistId", theirs);
        send("PUT", admin, "/api/v1/displays/" + display, profile).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("there is no playlist " + theirs));
        profile.put("defaultPlaylistId", playlistId);
        send("PUT", admin, "/api/v1/displays/" + display, profile).expectStatus().isOk().expectBody()
                .jsonPath("$.defaultPlaylistId").isEqualTo(playlistId.toString());
        assertThat(Outbox.data(db, display, "vizora.fleet.display_updated.v1")).containsEntry("defaultPlaylistId", playlistId.toString());

        send("PUT", organisation.tokens().get("editor"), "/api/v1/organisation/default-playlist", Map.of("playlistId", playlistId)).expectStatus().isForbidden();
        send("PUT", admin, "/api/v1/organisation/default-playlist", Map.of("playlistId", theirs)).expectStatus().isEqualTo(422);
        send("PUT", admin, "/api/v1/organisation/default-playlist", Map.of("playlistId", playlistId)).expectStatus().isOk();
        send("GET", organisation.tokens().get("viewer"), "/api/v1/organisation/default-playlist", null).expectStatus().isOk()
                .expectBody().jsonPath("$.playlistId").isEqualTo(playlistId.toString());
        assertThat(Outbox.data(db, organisation.id(), "vizora.scheduling.default_playlist_set.v1")).containsEntry("playlistId", playlistId.toString());

        send("DELETE", admin, "/api/v1/playlists/" + playlistId, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("the organisation and of 1 display(s)"));
        send("PUT", admin, "/api/v1/organisation/default-playlist", java.util.Collections.singletonMap("playlistId", null)).expectStatus().isOk()
                .expectBody().jsonPath("$.playlistId").doesNotExist();
        assertThat(Outbox.data(db, organisation.id(), "vizora.scheduling.default_playlist_set.v1")).doesNotContainKey("playlistId");
    }

    /** Publishing needs an admin (ADR 0009); a playlist on screens is what they show, so changing it does too. */
    @Test
    void anEditorChangesAPlaylistNoScreenShowsButNotOneAPublishedCampaignPlaysOrADefault() {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");
        var admin = organisation.tokens().get("admin");
        var image = Library.image(http, editor, "Menu");
        var played = Campaigns.playlist(http, editor, image);
        var campaign = Campaigns.created(http, editor, Campaigns.body(played, List.of("lobby")));
        var change = Map.of("name", "Menu, changed", "items", List.of(item(image, 4000)));

        send("PUT", editor, "/api/v1/playlists/" + played, change).expectStatus().isOk();
        Campaigns.act(http, admin, campaign, "publish").expectStatus().isOk();
        send("PUT", editor, "/api/v1/playlists/" + played, change).expectStatus().isForbidden().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("published campaign 'Winter warmers'"));
        send("PUT", admin, "/api/v1/playlists/" + played, change).expectStatus().isOk();

        var idle = Campaigns.playlist(http, editor, image);
        send("PUT", admin, "/api/v1/organisation/default-playlist", Map.of("playlistId", idle)).expectStatus().isOk();
        send("PUT", editor, "/api/v1/playlists/" + idle, change).expectStatus().isForbidden().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("a default playlist"));
        assertThat(Outbox.types(db, idle)).containsExactly("vizora.scheduling.playlist_created.v1");
    }

    @Test
    void anotherOrganisationsPlaylistIsNotFoundAndStaysAsItWas() {
        var mine = Organisations.create(http).tokens().get("editor");
        var theirs = Organisations.create(http).tokens().get("admin");
        var playlistId = Campaigns.playlist(http, mine, Library.image(http, mine, "Mine"));

        send("GET", theirs, "/api/v1/playlists/" + playlistId, null).expectStatus().isNotFound();
        send("PUT", theirs, "/api/v1/playlists/" + playlistId, Map.of("name", "Stolen", "items", List.of())).expectStatus().isNotFound();
        send("DELETE", theirs, "/api/v1/playlists/" + playlistId, null).expectStatus().isNotFound();
        send("GET", theirs, "/api/v1/playlists", null).expectBody().jsonPath("$.length()").isEqualTo(0);
        send("GET", mine, "/api/v1/playlists/" + playlistId, null).expectBody().jsonPath("$.name").isEqualTo("Loop");
        assertThat(Outbox.types(db, playlistId)).containsExactly("vizora.scheduling.playlist_created.v1");
    }

    @Test
    void ofTwoEditorsSavingTheSameVersionTheSecondIsRefusedWith412NamingTheCurrentVersionAndNothingOfHisIsSaved() {
        var editor = Organisations.create(http).tokens().get("editor");
        var image = Library.image(http, editor, "Poster");
        var created = send("POST", editor, "/api/v1/playlists", Map.of("name", "Lunch", "items", List.of(item(image, 5000))))
                .expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        var uri = "/api/v1/playlists/" + created.get("playlistId");

        http.put().uri(uri).header("Authorization", "Bearer " + editor).header("If-Match", "\"1\"")
                .bodyValue(Map.of("name", "Lunch (first editor)", "items", List.of(item(image, 7000)))).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"").expectBody().jsonPath("$.version").isEqualTo(2);
        http.put().uri(uri).header("Authorization", "Bearer " + editor).header("If-Match", "\"1\"")
                .bodyValue(Map.of("name", "Lunch (second editor)", "items", List.of())).exchange()
                .expectStatus().isEqualTo(412).expectBody()
                .jsonPath("$.title").isEqualTo("Changed meanwhile")
                .jsonPath("$.currentVersion").isEqualTo(2);
        http.put().uri(uri).header("Authorization", "Bearer " + editor).header("If-Match", "version 2")
                .bodyValue(Map.of("name", "Lunch (third editor)", "items", List.of())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");

        send("GET", editor, uri, null).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"").expectBody()
                .jsonPath("$.name").isEqualTo("Lunch (first editor)").jsonPath("$.items[0].durationMs").isEqualTo(7000);
        assertThat(Outbox.types(db, UUID.fromString((String) created.get("playlistId"))))
                .containsExactly("vizora.scheduling.playlist_created.v1", "vizora.scheduling.playlist_updated.v1");
    }
}
