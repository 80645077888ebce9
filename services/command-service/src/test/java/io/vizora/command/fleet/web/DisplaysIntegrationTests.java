package io.vizora.command.fleet.web;

import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Organisations;
import io.vizora.command.Outbox;
import io.vizora.command.Screens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class DisplaysIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private UUID group(String token, String name) {
        return UUID.fromString((String) http.post().uri("/api/v1/display-groups").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("name", name)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("groupId"));
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec update(String token, UUID displayId, Map<String, Object> profile) {
        return http.put().uri("/api/v1/displays/" + displayId).header("Authorization", "Bearer " + token).bodyValue(profile).exchange();
    }

    @Test
    void aScreenIsPairedByItsCodeAndCollectsItsCredentialsOnce() {
        var owner = Organisations.create(http);
        var admin = owner.tokens().get("admin");
        var lobby = group(admin, "Lobby");
        var ticket = Screens.requestCode(http);
        assertThat(ticket.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        Screens.poll(http, ticket).expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("waiting");

        var display = Screens.claim(http, admin, ticket.code().toLowerCase(), "Lobby left", List.of(lobby), List.of("Portrait", "lobby"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        var displayId = UUID.fromString((String) display.get("displayId"));
        assertThat(display).containsEntry("name", "Lobby left").containsEntry("timeZone", "Europe/Berlin")
                .containsEntry("groupIds", List.of(lobby.toString())).containsEntry("tags", List.of("lobby", "portrait"));
        assertThat(Outbox.data(db, displayId, "vizora.fleet.display_paired.v1"))
                .containsEntry("displayId", displayId.toString()).containsEntry("tags", List.of("lobby", "portrait"));

        var credentials = Screens.poll(http, ticket).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(credentials).containsEntry("status", "paired").containsEntry("displayId", displayId.toString())
                .containsEntry("organisationId", owner.id().toString()).containsKeys("deviceSecret", "accessToken", "expiresIn");
        Screens.poll(http, ticket).expectStatus().isNotFound();

        var deviceToken = (String) credentials.get("accessToken");
        get(deviceToken, "/device/v1/display").expectStatus().isOk().expectBody().jsonPath("$.displayId").isEqualTo(displayId.toString());
        var renewed = http.post().uri("/device/v1/token").bodyValue(Map.of("displayId", displayId, "deviceSecret", credentials.get("deviceSecret")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        get((String) renewed.get("accessToken"), "/device/v1/display").expectStatus().isOk();
        assertThat(renewed.get("expiresIn")).isEqualTo(86400);
    }

    @Test
    void aCodeIsSingleUseAndOnlyWhileItLives() {
        var admin = Organisations.create(http).tokens().get("admin");
        var ticket = Screens.requestCode(http);
        Screens.claim(http, admin, ticket.code(), "First", List.of(), List.of()).expectStatus().isCreated();
        Screens.claim(http, admin, ticket.code(), "Second", List.of(), List.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.title").isEqualTo("Unknown pairing code");

        var expired = Screens.requestCode(http);
        db.sql("UPDATE pairing_request SET expires_at = now() - interval '1 second' WHERE id = :id").bind("id", expired.pairingId()).then().block();
        Screens.claim(http, admin, expired.code(), "Late", List.of(), List.of()).expectStatus().isEqualTo(422);
        Screens.poll(http, expired).expectStatus().isNotFound();
        Screens.claim(http, admin, "NOPE-NOPE", "Made up", List.of(), List.of()).expectStatus().isEqualTo(422);
        get(admin, "/api/v1/displays").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    /** A code has 40 bits: an organisation that keeps naming codes no screen waits with is guessing another's, and waits. */
    @Test
    void anOrganisationThatTriedTooManyUnknownCodesWaitsEvenWithARightOneWhileOthersDoNot() {
        var guesser = Organisations.create(http).tokens().get("admin");
        for (int i = 0; i < 10; i++) {
            Screens.claim(http, guesser, "NOPE-NOPE", "Guess " + i, List.of(), List.of()).expectStatus().isEqualTo(422);
        }
        var ticket = Screens.requestCode(http);
        Screens.claim(http, guesser, ticket.code(), "Right at last", List.of(), List.of()).expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectBody().jsonPath("$.title").isEqualTo("Too many unknown pairing codes");

        Screens.claim(http, Organisations.create(http).tokens().get("admin"), ticket.code(), "Lobby", List.of(), List.of()).expectStatus().isCreated();
        get(guesser, "/api/v1/displays").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aWrongSecretLearnsNothingAboutAPairing() {
        var ticket = Screens.requestCode(http);
        Screens.poll(http, new Screens.PairingTicket(ticket.pairingId(), ticket.code(), "guessed")).expectStatus().isNotFound();
        Screens.poll(http, ticket).expectStatus().isAccepted();
    }

    @Test
    void aBadProfileIsRefusedWithEveryProblemAndPairsNothing() {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var theirGroup = group(Organisations.create(http).tokens().get("admin"), "Theirs");
        var ticket = Screens.requestCode(http);
        var body = new HashMap<String, Object>(Map.of("pairingCode", ticket.code(), "name", "Lobby", "timeZone", "Europe/Atlantis",
                "groupIds", List.of(), "tags", List.of("no spaces")));
        http.post().uri("/api/v1/displays").header("Authorization", "Bearer " + admin).bodyValue(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Europe/Atlantis").contains("no spaces"));
        Screens.claim(http, admin, ticket.code(), "Lobby", List.of(theirGroup), List.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("there is no display group " + theirGroup));
        body.remove("name");
        http.post().uri("/api/v1/displays").header("Authorization", "Bearer " + admin).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");

        get(admin, "/api/v1/displays").expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(Outbox.events(db, organisation.id())).noneMatch(event -> event.contains("display_paired"));
        Screens.claim(http, admin, ticket.code(), "Lobby", List.of(), List.of()).expectStatus().isCreated();
    }

    @Test
    void aDisplayIsRenamedMovedBetweenGroupsAndRetagged() {
        var admin = Organisations.create(http).tokens().get("admin");
        var lobby = group(admin, "Lobby");
        var window = group(admin, "Window");
        var displayId = Screens.pair(http, admin, "Screen 1", List.of(lobby), List.of("menu"));

        update(admin, displayId, Map.of("name", "Screen one", "timeZone", "Australia/Sydney", "groupIds", List.of(window), "tags", List.of("promo")))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Screen one").jsonPath("$.timeZone").isEqualTo("Australia/Sydney")
                .jsonPath("$.groupIds[0]").isEqualTo(window.toString()).jsonPath("$.tags[0]").isEqualTo("promo");
        assertThat(Outbox.types(db, displayId)).containsExactly("vizora.fleet.display_paired.v1", "vizora.fleet.display_updated.v1");
        assertThat(Outbox.data(db, displayId, "vizora.fleet.display_updated.v1"))
                .containsEntry("groupIds", List.of(window.toString())).containsEntry("timeZone", "Australia/Sydney");

        get(admin, "/api/v1/displays?groupId=" + window).expectBody().jsonPath("$[0].displayId").isEqualTo(displayId.toString());
        get(admin, "/api/v1/displays?groupId=" + lobby).expectBody().jsonPath("$.length()").isEqualTo(0);
        get(admin, "/api/v1/displays?tag=promo").expectBody().jsonPath("$.length()").isEqualTo(1);
        get(admin, "/api/v1/displays?tag=menu").expectBody().jsonPath("$.length()").isEqualTo(0);

        http.delete().uri("/api/v1/display-groups/" + window).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
        get(admin, "/api/v1/displays/" + displayId).expectBody().jsonPath("$.groupIds.length()").isEqualTo(0);
    }

    @Test
    void unpairingEndsTheDevicesCredentialsAtOnce() {
        var admin = Organisations.create(http).tokens().get("admin");
        var ticket = Screens.requestCode(http);
        var displayId = UUID.fromString((String) Screens.claim(http, admin, ticket.code(), "Doomed", List.of(), List.of())
                .expectBody(Map.class).returnResult().getResponseBody().get("displayId"));
        var credentials = Screens.poll(http, ticket).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        http.delete().uri("/api/v1/displays/" + displayId).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();

        get((String) credentials.get("accessToken"), "/device/v1/display").expectStatus().isUnauthorized();
        http.post().uri("/device/v1/token").bodyValue(Map.of("displayId", displayId, "deviceSecret", credentials.get("deviceSecret")))
                .exchange().expectStatus().isUnauthorized();
        get(admin, "/api/v1/displays/" + displayId).expectStatus().isNotFound();
        assertThat(Outbox.types(db, displayId)).containsExactly("vizora.fleet.display_paired.v1", "vizora.fleet.display_unpaired.v1");
        http.delete().uri("/api/v1/displays/" + displayId).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNotFound();
    }

    @Test
    void deviceTokensAndOperatorTokensStayOnTheirOwnSide() {
        var admin = Organisations.create(http).tokens().get("admin");
        var ticket = Screens.requestCode(http);
        Screens.claim(http, admin, ticket.code(), "Screen", List.of(), List.of()).expectStatus().isCreated();
        var deviceToken = (String) Screens.poll(http, ticket).expectBody(Map.class).returnResult().getResponseBody().get("accessToken");

        get(deviceToken, "/api/v1/displays").expectStatus().isForbidden();
        get(deviceToken, "/api/v1/me").expectStatus().isForbidden();
        get(admin, "/device/v1/display").expectStatus().isForbidden();
        http.get().uri("/device/v1/display").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherOrganisationsDisplayIsNotFoundAndStaysAsItWas() {
        var mine = Organisations.create(http).tokens().get("admin");
        var theirs = Organisations.create(http).tokens().get("admin");
        var displayId = Screens.pair(http, mine, "Mine", List.of(), List.of("menu"));

        get(theirs, "/api/v1/displays/" + displayId).expectStatus().isNotFound();
        update(theirs, displayId, Map.of("name", "Stolen", "timeZone", "UTC", "groupIds", List.of(), "tags", List.of()))
                .expectStatus().isNotFound();
        http.delete().uri("/api/v1/displays/" + displayId).header("Authorization", "Bearer " + theirs).exchange().expectStatus().isNotFound();
        get(theirs, "/api/v1/displays").expectBody().jsonPath("$.length()").isEqualTo(0);
        get(mine, "/api/v1/displays/" + displayId).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Mine");
        assertThat(Outbox.types(db, displayId)).containsExactly("vizora.fleet.display_paired.v1");
    }
}
