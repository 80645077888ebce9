package io.vizora.command;

import io.vizora.schemas.EventContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One organisation's whole life through the API, and every event it left in the outbox read back
 * and checked against the published contract: the envelope, the data, the tenant and the principal.
 */
@CommandServiceIntegrationTest
class EventContractIntegrationTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private Map<?, ?> send(String method, String token, String uri, Object body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri).header("Authorization", "Bearer " + token);
        return (body == null ? request.exchange() : request.bodyValue(body).exchange())
                .expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void everyEventACommandEmitsIsValidAgainstItsSchemaAndNamesTenantAndPrincipal() {
        var organisation = Organisations.create(http);
        var owner = organisation.tokens().get("owner");
        var admin = organisation.tokens().get("admin");
        var group = send("POST", admin, "/api/v1/display-groups", Map.of("name", "Lobby")).get("groupId");
        send("PUT", admin, "/api/v1/display-groups/" + group, Map.of("name", "Foyer"));
        var display = Screens.pair(http, admin, "Screen", List.of(UUID.fromString((String) group)), List.of("menu"));
        send("PUT", admin, "/api/v1/displays/" + display, Map.of("name", "Screen 1", "timeZone", "Asia/Tokyo", "groupIds", List.of(), "tags", List.of()));
        var content = Library.image(http, admin, "Spot");
        send("PUT", admin, "/api/v1/content/" + content, Map.of("name", "Spot 2"));
        var page = send("POST", admin, "/api/v1/content/web-pages", Map.of("name", "Page", "url", "https://example.org/")).get("contentId");
        var playlist = Campaigns.playlist(http, admin, content);
        send("PUT", admin, "/api/v1/playlists/" + playlist, Map.of("name", "Loop 2", "items", List.of(Map.of("contentId", page, "durationMs", 5000))));
        send("PUT", admin, "/api/v1/organisation/default-playlist", Map.of("playlistId", playlist));
        var withDefault = new java.util.HashMap<String, Object>(Map.of("name", "Screen 1", "timeZone", "Asia/Tokyo", "groupIds", List.of(), "tags", List.of()));
        withDefault.put("defaultPlaylistId", playlist);
        send("PUT", admin, "/api/v1/displays/" + display, withDefault);
        send("PUT", admin, "/api/v1/displays/" + display, Map.of("name", "Screen 1", "timeZone", "Asia/Tokyo", "groupIds", List.of(), "tags", List.of()));
        var body = Campaigns.body(playlist, List.of("menu"));
        var campaign = Campaigns.created(http, admin, body);
        body.put("recurrence", Map.of("everyWeeks", 3));
        send("PUT", admin, "/api/v1/campaigns/" + campaign, body);
        Campaigns.act(http, admin, campaign, "publish").expectStatus().isOk();
        Campaigns.act(http, admin, campaign, "end").expectStatus().isOk();
        http.delete().uri("/api/v1/campaigns/" + campaign).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/playlists/" + playlist).header("Authorization", "Bearer " + admin).exchange().expectStatus().isEqualTo(409);
        http.put().uri("/api/v1/organisation/default-playlist").header("Authorization", "Bearer " + admin).bodyValue("{}")
                .header("Content-Type", "application/json").exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/playlists/" + playlist).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/content/" + content).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/displays/" + display).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/display-groups/" + group).header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
        var key = send("POST", owner, "/api/v1/api-keys", Map.of("name", "Partner", "scopes", List.of("events:read"))).get("apiKeyId");
        http.delete().uri("/api/v1/api-keys/" + key).header("Authorization", "Bearer " + owner).exchange().expectStatus().isNoContent();
        send("PUT", owner, "/api/v1/users/" + organisation.userIds().get("viewer") + "/role", Map.of("role", "editor"));
        http.delete().uri("/api/v1/users/" + organisation.userIds().get("viewer")).header("Authorization", "Bearer " + owner).exchange()
                .expectStatus().isNoContent();

        var types = new java.util.TreeSet<String>();
        for (var event : Outbox.events(db, organisation.id())) {
            assertThat(CONTRACT.violations(event.getBytes(StandardCharsets.UTF_8))).as(event).isEmpty();
            var envelope = JSON.readValue(event, Map.class);
            assertThat(envelope.get("tenantid")).isEqualTo(organisation.id().toString());
            assertThat((String) envelope.get("principal")).matches("user:[0-9a-f-]{36}");
            types.add((String) envelope.get("type"));
        }
        assertThat(types).as("every type the operator API emits, all but organisation_renamed").hasSize(25)
                .doesNotContain("vizora.identity.organisation_renamed.v1");
    }
}
