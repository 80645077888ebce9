package io.vizora.command.web;

import io.vizora.command.Campaigns;
import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad bodies get a clear problem detail, say nothing of our internals, and change nothing. */
@CommandServiceIntegrationTest
class InputIntegrationTests {

    @Autowired
    WebTestClient http;

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    private WebTestClient.ResponseSpec postJson(String token, String uri, String json) {
        return http.post().uri(uri).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static void saysNothingOfInternals(String body) {
        assertThat(body).doesNotContain("Exception", "jackson", "at io.", "at org.", "r2dbc", "SQL");
    }

    @Test
    void anOversizedJsonBodyIsRefusedWithoutReadingItWhole() {
        var editor = Organisations.create(http).tokens().get("editor");
        var huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"items\":[]}";

        var body = postJson(editor, "/api/v1/playlists", huge).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        saysNothingOfInternals(body);
        http.get().uri("/api/v1/playlists").header("Authorization", "Bearer " + editor).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void textWithANulOrALoneSurrogateIsRefusedNamingTheFieldEvenBeforeSigningIn() {
        var editor = Organisations.create(http).tokens().get("editor");
        for (var hostile : List.of("a\\u0000b", "x\\ud800", "\\udc00y")) {
            var body = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"" + hostile + "@example.org\",\"password\":\"whatever it is\"}").exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("email").returnResult().getResponseBody();
            saysNothingOfInternals(new String(body));
            postJson(editor, "/api/v1/display-groups", "{\"name\":\"" + hostile + "\"}").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        }
        http.post().uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/content?name=a%00b")).header("Authorization", "Bearer " + editor).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[] {1}).exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        http.get().uri("/api/v1/display-groups").header("Authorization", "Bearer " + editor).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void whatTheEventContractWouldRefuseIsRefusedOrMadeConformingBeforeAnythingIsWritten() {
        var editor = Organisations.create(http).tokens().get("editor");
        postJson(editor, "/api/v1/content/web-pages", "{\"name\":\"Menu\",\"url\":\"https://example.org/café\"}").expectStatus().isCreated()
                .expectBody().jsonPath("$.url").isEqualTo("https://example.org/caf%C3%A9");
        var playlist = Campaigns.playlist(http, editor);
        for (var date : List.of("+10000-01-01", "-0001-01-01", "0000-01-01", "1999-12-31")) {
            var campaign = new java.util.HashMap<>(Campaigns.body(playlist, List.of()));
            campaign.put("startDate", date);
            var body = http.post().uri("/api/v1/campaigns").header("Authorization", "Bearer " + editor).bodyValue(campaign).exchange()
                    .expectStatus().value(status -> assertThat(status).isIn(400, 422))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody(String.class).returnResult().getResponseBody();
            saysNothingOfInternals(body);
        }
        // dates at the end of time: counting a campaign's years from them would overflow
        var farOff = new java.util.HashMap<>(Campaigns.body(playlist, List.of()));
        farOff.putAll(Map.of("startDate", "+999999999-06-01", "endDate", "+999999999-06-02"));
        saysNothingOfInternals(http.post().uri("/api/v1/campaigns").header("Authorization", "Bearer " + editor).bodyValue(farOff).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(400, 422))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody(String.class).returnResult().getResponseBody());
        for (var name : List.of("x".repeat(201), "", "%20")) {
            http.post().uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/content?name=" + name)).header("Authorization", "Bearer " + editor)
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[] {1}).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        }
        http.get().uri("/api/v1/campaigns").header("Authorization", "Bearer " + editor).exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/api/v1/content").header("Authorization", "Bearer " + editor).exchange().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void aBlankOrMalformedIdInThePathIsABadRequestOnEveryKindOfRoute() {
        var owner = Organisations.create(http).tokens().get("owner");
        for (var path : List.of("/api/v1/displays/%20", "/api/v1/displays/not-an-id", "/api/v1/campaigns/%20/publish", "/api/v1/users/%20/role",
                "/device/v1/pairings/%20")) {
            var body = http.method(path.endsWith("/role") ? org.springframework.http.HttpMethod.PUT : path.endsWith("publish") || path.startsWith("/device")
                            ? org.springframework.http.HttpMethod.POST : org.springframework.http.HttpMethod.GET)
                    .uri(java.net.URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + owner).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"role\":\"VIEWER\"}").exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).returnResult().getResponseBody();
            saysNothingOfInternals(body);
        }
    }

    @Test
    void malformedAndMistypedBodiesAreBadRequests() {
        var editor = Organisations.create(http).tokens().get("editor");
        for (var json : List.of("{\"name\": \"Loop\", \"items\": [", "[]", "not json at all", "{\"name\": \"Loop\", \"items\": [{\"contentId\": \"nope\", \"durationMs\": 1000}]}")) {
            var body = postJson(editor, "/api/v1/playlists", json).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).returnResult().getResponseBody();
            saysNothingOfInternals(body);
        }
        var campaign = new java.util.HashMap<>(Campaigns.body(UUID.randomUUID(), List.of()));
        campaign.put("priority", "high");
        campaign.put("kind", "emergency");
        http.post().uri("/api/v1/campaigns").header("Authorization", "Bearer " + editor).bodyValue(campaign).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/v1/campaigns").header("Authorization", "Bearer " + editor).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void theOpenApiDescriptionCoversFleetContentAndScheduling() {
        var paths = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("paths");
        assertThat(((Map<?, ?>) paths).keySet()).map(String::valueOf).contains("/api/v1/displays", "/api/v1/displays/{displayId}", "/device/v1/pairings",
                "/device/v1/pairings/{pairingId}", "/device/v1/token", "/api/v1/content", "/api/v1/content/uploads",
                "/api/v1/content/{contentId}/confirm", "/api/v1/playlists", "/api/v1/campaigns", "/api/v1/campaigns/{campaignId}/publish");
    }
}
