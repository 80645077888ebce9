package io.vizora.command;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Screens paired through the API, as a player and an operator would do it. */
public final class Screens {

    public record PairingTicket(UUID pairingId, String code, String secret) {
    }

    private Screens() {
    }

    public static PairingTicket requestCode(WebTestClient http) {
        var ticket = http.post().uri("/device/v1/pairings").exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new PairingTicket(UUID.fromString((String) ticket.get("pairingId")), (String) ticket.get("code"), (String) ticket.get("secret"));
    }

    public static WebTestClient.ResponseSpec claim(WebTestClient http, String token, String code, String name, List<UUID> groupIds, List<String> tags) {
        var body = new HashMap<String, Object>(Map.of("pairingCode", code, "name", name, "timeZone", "Europe/Berlin"));
        body.put("groupIds", groupIds);
        body.put("tags", tags);
        return http.post().uri("/api/v1/displays").header("Authorization", "Bearer " + token).bodyValue(body).exchange();
    }

    /** A display paired by the operator holding {@code token}; the screen has not collected its credentials. */
    public static UUID pair(WebTestClient http, String token, String name, List<UUID> groupIds, List<String> tags) {
        var code = requestCode(http).code();
        return UUID.fromString((String) claim(http, token, code, name, groupIds, tags).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("displayId"));
    }

    public static WebTestClient.ResponseSpec poll(WebTestClient http, PairingTicket ticket) {
        return http.post().uri("/device/v1/pairings/" + ticket.pairingId()).bodyValue(Map.of("secret", ticket.secret())).exchange();
    }
}
