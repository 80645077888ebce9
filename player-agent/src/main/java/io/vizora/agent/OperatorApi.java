package io.vizora.agent;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The few operator calls the demo fleet makes, as an operator would: sign up, log in, claim a
 * pairing code, upload content, build a playlist, publish a campaign.
 */
public final class OperatorApi {

    private final URI server;
    private final HttpClient http;
    private String token;

    public OperatorApi(URI server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    public void signUp(String organisation, String email, String password) throws IOException, InterruptedException {
        call("POST", "/api/v1/organisations", Map.of("organisationName", organisation, "ownerEmail", email, "ownerName", "Demo operator",
                "password", password), 201);
    }

    public OperatorApi logIn(String email, String password) throws IOException, InterruptedException {
        token = call("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), 200).get("accessToken").asString();
        return this;
    }

    public UUID claim(String pairingCode, String name, String timeZone, List<String> tags) throws IOException, InterruptedException {
        return id(call("POST", "/api/v1/displays", Map.of("pairingCode", pairingCode, "name", name, "timeZone", timeZone, "tags", tags), 201),
                "displayId");
    }

    public void unpair(UUID display) throws IOException, InterruptedException {
        expect(http.send(authorised("/api/v1/displays/" + display).DELETE().build(), HttpResponse.BodyHandlers.ofString()), 204);
    }

    public UUID upload(String name, byte[] file) throws IOException, InterruptedException {
        var request = authorised("/api/v1/content?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        return id(expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 201), "contentId");
    }

    /** A live web page by its address. */
    public UUID webPage(String name, URI address) throws IOException, InterruptedException {
        return id(call("POST", "/api/v1/content/web-pages", Map.of("name", name, "url", address.toString()), 201), "contentId");
    }

    public UUID playlist(String name, List<UUID> contents, int durationMs) throws IOException, InterruptedException {
        var items = contents.stream().map(id -> Map.of("contentId", id.toString(), "durationMs", durationMs)).toList();
        return id(call("POST", "/api/v1/playlists", Map.of("name", name, "items", items), 201), "playlistId");
    }

    /** A campaign on every display with {@code tag}, all day every day from yesterday for {@code days}, published. */
    public UUID publishAllDay(String name, UUID playlist, String tag, int days, int priority) throws IOException, InterruptedException {
        var today = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        var campaign = id(call("POST", "/api/v1/campaigns", Map.of("name", name, "playlistId", playlist.toString(),
                "targets", Map.of("tags", List.of(tag)), "startDate", today.toString(), "endDate", today.plusDays(days).toString(),
                "dayparts", List.of(Map.of("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "start", "00:00", "end", "00:00")),
                "priority", priority, "kind", "normal"), 201), "campaignId");
        call("POST", "/api/v1/campaigns/" + campaign + "/publish", Map.of(), 200);
        return campaign;
    }

    /** A read model of the operator's organisation, from the service that serves it (the projector's {@code /api/v1/fleet}, ...). */
    public JsonNode read(URI service, String path) throws IOException, InterruptedException {
        return expect(http.send(HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString()), 200);
    }

    /** Sends a fleet command ({@code RELOAD}, {@code IDENTIFY}, ...) to the targets; the command as issued. */
    public JsonNode command(String command, Map<String, Object> targets, int expiresInSeconds) throws IOException, InterruptedException {
        return call("POST", "/api/v1/commands", Map.of("command", command, "targets", targets, "expiresInSeconds", expiresInSeconds), 202);
    }

    /** Takes over the targets now for {@code seconds} with the playlist; the campaign as created. */
    public JsonNode takeOver(UUID playlist, Map<String, Object> targets, int seconds) throws IOException, InterruptedException {
        return call("POST", "/api/v1/takeovers", Map.of("playlistId", playlist.toString(), "targets", targets, "durationSeconds", seconds), 201);
    }

    public void end(UUID campaign) throws IOException, InterruptedException {
        call("POST", "/api/v1/campaigns/" + campaign + "/end", Map.of(), 200);
    }

    private JsonNode call(String method, String path, Object body, int status) throws IOException, InterruptedException {
        var request = (token == null ? HttpRequest.newBuilder(server.resolve(path)) : authorised(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
        return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), status);
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
    }

    private static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
    }

    private static UUID id(JsonNode body, String field) {
        return UUID.fromString(body.get(field).asString());
    }
}
