package io.vizora.command.fleet.web;

import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Files;
import io.vizora.command.Organisations;
import io.vizora.command.Outbox;
import io.vizora.command.Screens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class FleetCommandsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private WebTestClient.ResponseSpec send(String token, Object body) {
        return http.post().uri("/api/v1/commands").header("Authorization", "Bearer " + token).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static <T> T body(WebTestClient.ResponseSpec response) {
        return (T) response.expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aCommandToTagsGroupsOrTheWholeOrganisationIsOneEventNamingEveryDisplayItReaches() {
        var admin = Organisations.create(http).tokens().get("admin");
        var lobby = Screens.pair(http, admin, "Lobby", List.of(), List.of("lobby"));
        var bar = Screens.pair(http, admin, "Bar", List.of(), List.of("bar"));

        Map<String, Object> byTag = body(send(admin, Map.of("command", "RELOAD", "targets", Map.of("tags", List.of("lobby")))).expectStatus().isAccepted());
        Map<String, Object> everywhere = body(send(admin, Map.of("command", "SCREENSHOT", "targets", Map.of("wholeOrganisation", true),
                "expiresInSeconds", 600)).expectStatus().isAccepted());

        assertThat(byTag).containsEntry("command", "reload").containsEntry("displayIds", List.of(lobby.toString()));
        var event = Outbox.data(db, UUID.fromString((String) everywhere.get("commandId")), "vizora.fleet.command_issued.v1");
        assertThat(event).containsEntry("command", "screenshot");
        assertThat((List<String>) event.get("displayIds")).containsExactlyInAnyOrder(lobby.toString(), bar.toString());
        assertThat(java.time.Duration.between(java.time.Instant.parse((String) event.get("issuedAt")),
                java.time.Instant.parse((String) event.get("expiresAt")))).hasSeconds(600);
    }

    @Test
    void aCommandToAnotherOrganisationsDisplayIsNotFoundAndSendsNothing() {
        var mine = Organisations.create(http);
        var theirs = Organisations.create(http).tokens().get("admin");
        var display = Screens.pair(http, mine.tokens().get("admin"), "Mine", List.of(), List.of("menu"));

        send(theirs, Map.of("command", "RESTART", "targets", Map.of("displayIds", List.of(display)))).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(display.toString()));
        send(theirs, Map.of("command", "RESTART", "targets", Map.of("tags", List.of("menu")))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("targets reach no display"));

        assertThat(Outbox.events(db, mine.id())).noneMatch(event -> event.contains("command_issued"));
    }

    @Test
    void anUnknownCommandOrAnExpiryOutOfBoundsIsRefusedNamingTheField() {
        var admin = Organisations.create(http).tokens().get("admin");
        var display = Screens.pair(http, admin, "Screen", List.of(), List.of());

        send(admin, Map.of("command", "REBOOT_THE_WORLD", "targets", Map.of("displayIds", List.of(display)))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("command");
        send(admin, Map.of("command", "IDENTIFY", "targets", Map.of("displayIds", List.of(display)), "expiresInSeconds", 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("expiresInSeconds");
        send(admin, Map.of("command", "IDENTIFY")).expectStatus().isBadRequest();
        assertThat(Outbox.types(db, display)).containsExactly("vizora.fleet.display_paired.v1");
    }

    @Test
    void aScreenUploadsAScreenshotThroughAPresignedUrlAndOperatorsListItNewestFirst() throws Exception {
        var organisation = Organisations.create(http);
        var admin = organisation.tokens().get("admin");
        var ticket = Screens.requestCode(http);
        var display = UUID.fromString((String) Screens.claim(http, admin, ticket.code(), "Screen", List.of(), List.of()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("displayId"));
        var device = (String) Screens.poll(http, ticket).expectBody(Map.class).returnResult().getResponseBody().get("accessToken");

        Map<String, Object> upload = body(http.post().uri("/device/v1/screenshots").header("Authorization", "Bearer " + device)
                .bodyValue(Map.of()).exchange().expectStatus().isCreated());
        var screenshotId = (String) upload.get("screenshotId");
        var confirm = "/device/v1/screenshots/" + screenshotId + "/uploaded";
        http.post().uri(confirm).header("Authorization", "Bearer " + device).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("nothing was uploaded"));
        assertThat(Files.put((String) upload.get("uploadUrl"), Files.html())).isEqualTo(200);
        http.post().uri(confirm).header("Authorization", "Bearer " + device).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not a PNG"));

        var png = Files.png();
        assertThat(Files.put((String) upload.get("uploadUrl"), png)).isEqualTo(200);
        http.post().uri(confirm).header("Authorization", "Bearer " + device).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.sizeBytes").isEqualTo(png.length);
        http.post().uri(confirm).header("Authorization", "Bearer " + device).exchange().expectStatus().isOk();

        assertThat(Outbox.types(db, UUID.fromString(screenshotId))).containsExactly("vizora.fleet.screenshot_taken.v1");
        List<Map<String, Object>> listed = http.get().uri("/api/v1/displays/" + display + "/screenshots").header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(entry -> (Map<String, Object>) entry).toList();
        assertThat(listed).singleElement().satisfies(entry -> assertThat(entry).containsEntry("screenshotId", screenshotId));
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var image = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create((String) listed.getFirst().get("url"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.body()).isEqualTo(png);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        }
        var theirs = Organisations.create(http).tokens().get("admin");
        http.get().uri("/api/v1/displays/" + display + "/screenshots").header("Authorization", "Bearer " + theirs).exchange().expectStatus().isNotFound();
    }
}
