package io.vizora.command.fleet.web;

import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class DisplayGroupsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private WebTestClient.ResponseSpec create(String token, String name) {
        return http.post().uri("/api/v1/display-groups").header("Authorization", "Bearer " + token).bodyValue(Map.of("name", name)).exchange();
    }

    private UUID createdId(String token, String name) {
        return UUID.fromString((String) create(token, name).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("groupId"));
    }

    private WebTestClient.ResponseSpec rename(String token, UUID id, String name) {
        return http.put().uri("/api/v1/display-groups/" + id).header("Authorization", "Bearer " + token).bodyValue(Map.of("name", name)).exchange();
    }

    private WebTestClient.ResponseSpec delete(String token, UUID id) {
        return http.delete().uri("/api/v1/display-groups/" + id).header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    @Test
    void aGroupIsCreatedRenamedAndDeletedWithAnEventForEachChange() {
        var owner = Organisations.create(http).tokens().get("owner");
        var id = createdId(owner, "Lobby screens");
        rename(owner, id, "Foyer screens").expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Foyer screens");
        get(owner, "/api/v1/display-groups/" + id).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Foyer screens");
        delete(owner, id).expectStatus().isNoContent();
        get(owner, "/api/v1/display-groups/" + id).expectStatus().isNotFound();

        var types = db.sql("SELECT type FROM outbox WHERE aggregate_id = :id ORDER BY created_at").bind("id", id.toString())
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(types).containsExactly("vizora.fleet.display_group_created.v1", "vizora.fleet.display_group_renamed.v1",
                "vizora.fleet.display_group_deleted.v1");
    }

    @Test
    void aNameIsUniqueWithinAnOrganisationInAnyCaseButNotAcrossOrganisations() {
        var mine = Organisations.create(http).tokens().get("owner");
        var theirs = Organisations.create(http).tokens().get("owner");
        var lobby = createdId(mine, "Lobby");
        var window = createdId(mine, "Window");

        create(mine, "LOBBY").expectStatus().isEqualTo(409);
        rename(mine, window, "lobby").expectStatus().isEqualTo(409);
        create(theirs, "Lobby").expectStatus().isCreated();
        get(mine, "/api/v1/display-groups/" + window).expectBody().jsonPath("$.name").isEqualTo("Window");
        assertThat(lobby).isNotEqualTo(window);
    }

    @Test
    void theGroupEndpointsFollowThePermissionMatrix() {
        var organisation = Organisations.create(http);
        var group = createdId(organisation.tokens().get("owner"), "Kitchen");
        for (var role : List.of("owner", "admin", "editor", "viewer")) {
            var token = organisation.tokens().get(role);
            var manages = role.equals("owner") || role.equals("admin");
            get(token, "/api/v1/display-groups").expectStatus().isOk();
            get(token, "/api/v1/display-groups/" + group).expectStatus().isOk();
            create(token, "Made by " + role).expectStatus().isEqualTo(manages ? 201 : 403);
            rename(token, group, "Kitchen " + role).expectStatus().isEqualTo(manages ? 200 : 403);
        }
        delete(organisation.tokens().get("viewer"), group).expectStatus().isForbidden();
        delete(organisation.tokens().get("admin"), group).expectStatus().isNoContent();
    }

    @Test
    void anotherOrganisationsGroupIsNotFoundForEveryOperationAndUnchanged() {
        var mine = Organisations.create(http).tokens().get("owner");
        var theirs = Organisations.create(http).tokens().get("owner");
        var their = createdId(theirs, "Private");

        get(mine, "/api/v1/display-groups/" + their).expectStatus().isNotFound();
        rename(mine, their, "Hijacked").expectStatus().isNotFound();
        delete(mine, their).expectStatus().isNotFound();
        get(mine, "/api/v1/display-groups").expectBody(String.class).value(body -> assertThat(body).doesNotContain(their.toString()));
        get(theirs, "/api/v1/display-groups/" + their).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Private");
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        var owner = Organisations.create(http).tokens().get("owner");
        create(owner, " ").expectStatus().isBadRequest();
        create(owner, "x".repeat(201)).expectStatus().isBadRequest();
    }
}
