package io.vizora.command;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Playlists and campaigns made through the API. */
public final class Campaigns {

    private Campaigns() {
    }

    public static UUID playlist(WebTestClient http, String token, UUID... contentIds) {
        var items = java.util.Arrays.stream(contentIds).map(id -> Map.<String, Object>of("contentId", id, "durationMs", 10_000)).toList();
        return UUID.fromString((String) http.post().uri("/api/v1/playlists").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("name", "Loop", "items", items)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("playlistId"));
    }

    /** A campaign body playing weekday mornings and Friday/Saturday nights (crossing midnight) for a month from tomorrow. */
    public static Map<String, Object> body(UUID playlistId, List<String> tags) {
        var start = LocalDate.now().plusDays(1);
        var body = new HashMap<String, Object>();
        body.put("name", "Winter warmers");
        body.put("playlistId", playlistId);
        body.put("targets", Map.of("displayIds", List.of(), "groupIds", List.of(), "tags", tags));
        body.put("startDate", start.toString());
        body.put("endDate", start.plusDays(30).toString());
        body.put("dayparts", List.of(
                Map.of("weekdays", List.of("monday", "tuesday", "wednesday", "thursday", "friday"), "start", "07:00", "end", "10:30"),
                Map.of("weekdays", List.of("FRIDAY", "SATURDAY"), "start", "20:00", "end", "01:00")));
        body.put("priority", 200);
        body.put("kind", "normal");
        return body;
    }

    public static WebTestClient.ResponseSpec create(WebTestClient http, String token, Map<String, Object> body) {
        return http.post().uri("/api/v1/campaigns").header("Authorization", "Bearer " + token).bodyValue(body).exchange();
    }

    public static UUID created(WebTestClient http, String token, Map<String, Object> body) {
        return UUID.fromString((String) create(http, token, body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("campaignId"));
    }

    public static WebTestClient.ResponseSpec act(WebTestClient http, String token, UUID campaignId, String action) {
        return http.post().uri("/api/v1/campaigns/" + campaignId + "/" + action).header("Authorization", "Bearer " + token).exchange();
    }
}
