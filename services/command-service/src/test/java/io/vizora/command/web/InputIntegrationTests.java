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
