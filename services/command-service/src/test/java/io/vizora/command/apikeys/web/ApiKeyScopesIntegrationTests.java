package io.vizora.command.apikeys.web;

import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each scope an API key can have opens exactly the operator API it names (docs/api-keys.md), and no scope manages people or keys. */
@CommandServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyScopesIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private Organisations.Organisation organisation;

    @BeforeAll
    void organisation() {
        organisation = Organisations.create(http);
    }

    private String key(String... scopes) {
        return (String) http.post().uri("/api/v1/api-keys").header("Authorization", "Bearer " + organisation.tokens().get("owner"))
                .bodyValue(Map.of("name", "Partner", "scopes", List.of(scopes))).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("key");
    }

    private WebTestClient.ResponseSpec call(String key, HttpMethod method, String uri, Object body) {
        var request = http.method(method).uri(uri).header("Authorization", "ApiKey " + key);
        return (body == null ? request : request.bodyValue(body)).exchange();
    }

    private WebTestClient.ResponseSpec get(String key, String uri) {
        return call(key, HttpMethod.GET, uri, null);
    }

    @Test
    void displaysReadReadsDisplaysAndGroupsAndNothingElse() {
        var key = key("displays:read");
        get(key, "/api/v1/displays").expectStatus().isOk();
        get(key, "/api/v1/display-groups").expectStatus().isOk();
        call(key, HttpMethod.POST, "/api/v1/display-groups", Map.of("name", "Lobby")).expectStatus().isForbidden();
        get(key, "/api/v1/content").expectStatus().isForbidden();
        get(key, "/api/v1/campaigns").expectStatus().isForbidden();
    }

    @Test
    void displaysWriteManagesTheFleetAndTheEventNamesTheKey() {
        var key = key("displays:write");
        var group = call(key, HttpMethod.POST, "/api/v1/display-groups", Map.of("name", "Windows " + UUID.randomUUID())).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("groupId");
        get(key, "/api/v1/displays").expectStatus().isOk();
        get(key, "/api/v1/playlists").expectStatus().isForbidden();
        var principal = db.sql("SELECT payload->>'principal' FROM outbox WHERE aggregate_id = :id").bind("id", group)
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(principal).startsWith("apikey:");
    }

    @Test
    void contentReadReadsTheLibraryAndContentWriteAddsToIt() {
        var reader = key("content:read");
        get(reader, "/api/v1/content").expectStatus().isOk();
        var page = Map.of("name", "Menu", "url", "https://example.org/menu");
        call(reader, HttpMethod.POST, "/api/v1/content/web-pages", page).expectStatus().isForbidden();
        get(reader, "/api/v1/displays").expectStatus().isForbidden();

        var writer = key("content:write");
        call(writer, HttpMethod.POST, "/api/v1/content/web-pages", page).expectStatus().isCreated();
        get(writer, "/api/v1/content").expectStatus().isOk();
        get(writer, "/api/v1/playlists").expectStatus().isForbidden();
    }

    @Test
    void campaignsReadReadsCampaignsAndPlaylistsAndCampaignsWriteMakesThem() {
        var reader = key("campaigns:read");
        get(reader, "/api/v1/campaigns").expectStatus().isOk();
        get(reader, "/api/v1/playlists").expectStatus().isOk();
        var playlist = Map.of("name", "Loop", "items", List.of());
        call(reader, HttpMethod.POST, "/api/v1/playlists", playlist).expectStatus().isForbidden();
        get(reader, "/api/v1/content").expectStatus().isForbidden();

        var writer = key("campaigns:write");
        call(writer, HttpMethod.POST, "/api/v1/playlists", playlist).expectStatus().isCreated();
        get(writer, "/api/v1/display-groups").expectStatus().isForbidden();
    }

    @Test
    void eventsReadAndStatsReadOpenNothingOfTheOperatorApi() {
        var key = key("events:read", "stats:read");
        for (var uri : List.of("/api/v1/displays", "/api/v1/content", "/api/v1/playlists", "/api/v1/campaigns")) {
            get(key, uri).expectStatus().isForbidden();
        }
        get(key, "/api/v1/me").expectStatus().isOk();
    }

    @Test
    void noScopeManagesUsersKeysOrTheOrganisation() {
        var key = key("displays:write", "content:write", "campaigns:write", "events:read", "stats:read");
        get(key, "/api/v1/users").expectStatus().isForbidden();
        call(key, HttpMethod.POST, "/api/v1/users", Map.of("email", Organisations.email(), "displayName", "Mallory", "role", "OWNER"))
                .expectStatus().isForbidden();
        get(key, "/api/v1/api-keys").expectStatus().isForbidden();
        call(key, HttpMethod.POST, "/api/v1/api-keys", Map.of("name", "More", "scopes", List.of("events:read"))).expectStatus().isForbidden()
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }
}
