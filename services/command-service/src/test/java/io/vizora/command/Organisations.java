package io.vizora.command;

import io.vizora.command.identity.application.AuthenticationService.Tokens;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test organisations made through the API: an owner and one user of every other role, logged in. */
public final class Organisations {

    public static final String PASSWORD = "correct horse battery staple";

    public record Organisation(UUID id, Map<String, String> tokens, Map<String, UUID> userIds) {
    }

    private Organisations() {
    }

    public static Organisation create(WebTestClient http) {
        var ownerEmail = email();
        var created = http.post().uri("/api/v1/organisations").bodyValue(Map.of("organisationName", "Acme", "ownerEmail", ownerEmail,
                        "ownerName", "Olive Owner", "password", PASSWORD)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        var tokens = new HashMap<String, String>(Map.of("owner", logIn(http, ownerEmail)));
        var ids = new HashMap<String, UUID>(Map.of("owner", UUID.fromString((String) created.get("ownerUserId"))));
        for (var role : List.of("admin", "editor", "viewer")) {
            var email = email();
            var invitation = invite(http, tokens.get("owner"), email, role).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            accept(http, (String) invitation.get("invitationToken")).expectStatus().isOk();
            tokens.put(role, logIn(http, email));
            ids.put(role, UUID.fromString((String) invitation.get("userId")));
        }
        return new Organisation(UUID.fromString((String) created.get("organisationId")), tokens, ids);
    }

    public static String email() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    public static String logIn(WebTestClient http, String email) {
        return http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Tokens.class).returnResult().getResponseBody().accessToken();
    }

    public static WebTestClient.ResponseSpec invite(WebTestClient http, String token, String email, String role) {
        return http.post().uri("/api/v1/users").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("email", email, "displayName", "Invited " + role, "role", role.toUpperCase())).exchange();
    }

    public static WebTestClient.ResponseSpec accept(WebTestClient http, String invitationToken) {
        return http.post().uri("/api/v1/invitations/accept").bodyValue(Map.of("invitationToken", invitationToken, "password", PASSWORD)).exchange();
    }
}
