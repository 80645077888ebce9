package io.vizora.agent.device;

import io.vizora.agent.Json;
import io.vizora.device.DeviceRefusals;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The command service's device endpoints: pairing codes, collecting credentials, renewing the token, the display's name, screenshots. */
public final class DeviceApi {

    /** A code to show on screen, and the secret that collects the credentials once it is claimed. */
    public record Ticket(UUID pairingId, String code, String secret, Instant expiresAt) {
    }

    /** The display was unpaired: its secret is no longer accepted. */
    public static final class UnpairedException extends IOException {
        public UnpairedException(String message) {
            super(message);
        }
    }

    private final URI server;
    private final HttpClient http;

    public DeviceApi(URI server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    public Ticket requestCode() throws IOException, InterruptedException {
        var response = post("/device/v1/pairings", Map.of());
        expect(response, 201);
        return Json.MAPPER.readValue(response.body(), Ticket.class);
    }

    /** The credentials once the code is claimed; empty while waiting; fails once the code expired. */
    public Optional<Credentials> collect(Ticket ticket) throws IOException, InterruptedException {
        var response = post("/device/v1/pairings/" + ticket.pairingId(), Map.of("secret", ticket.secret()));
        if (response.statusCode() == 202) {
            return Optional.empty();
        }
        expect(response, 200);
        var body = Json.MAPPER.readTree(response.body());
        return Optional.of(new Credentials(UUID.fromString(body.get("displayId").asString()), UUID.fromString(body.get("organisationId").asString()),
                body.get("deviceSecret").asString(), body.get("accessToken").asString(), expiry(body)));
    }

    /**
     * A fresh device token for the secret; {@link UnpairedException} once the display is unpaired,
     * which only the command service's own refusal says ({@link DeviceRefusals#UNKNOWN_DEVICE}):
     * any other answer, a proxy's 401 or 404 among them, is a failure to try again.
     */
    public Credentials renew(Credentials credentials) throws IOException, InterruptedException {
        var response = post("/device/v1/token", Map.of("displayId", credentials.displayId().toString(), "deviceSecret", credentials.deviceSecret()));
        if (response.statusCode() == 401 && refusedAs(response, DeviceRefusals.UNKNOWN_DEVICE)) {
            throw new UnpairedException("the command service no longer knows display " + credentials.displayId());
        }
        expect(response, 200);
        var body = Json.MAPPER.readTree(response.body());
        return credentials.withToken(body.get("accessToken").asString(), expiry(body));
    }

    /** The display's name, as operators named it. */
    public String displayName(Credentials credentials) throws IOException, InterruptedException {
        var response = http.send(authorized(credentials, "/device/v1/display").GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        return Json.MAPPER.readTree(response.body()).get("name").asString();
    }

    /**
     * Uploads a PNG screenshot: asks for an upload URL, PUTs the image there and confirms it, so the
     * command service checks it and records it; the screenshot's id.
     */
    public UUID uploadScreenshot(Credentials credentials, UUID commandId, byte[] png) throws IOException, InterruptedException {
        var ticket = http.send(authorized(credentials, "/device/v1/screenshots").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(Map.of("commandId", commandId.toString())))).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(ticket, 201);
        var body = Json.MAPPER.readTree(ticket.body());
        var screenshotId = UUID.fromString(body.get("screenshotId").asString());
        var upload = http.send(HttpRequest.newBuilder(URI.create(body.get("uploadUrl").asString())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        if (upload.statusCode() / 100 != 2) {
            throw new IOException("the object store answered the screenshot's upload with " + upload.statusCode());
        }
        var confirmed = http.send(authorized(credentials, "/device/v1/screenshots/" + screenshotId + "/uploaded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(confirmed, 200);
        return screenshotId;
    }

    private HttpRequest.Builder authorized(Credentials credentials, String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + credentials.accessToken());
    }

    private static Instant expiry(JsonNode body) {
        return Instant.now().plusSeconds(body.get("expiresIn").asLong());
    }

    private HttpResponse<String> post(String path, Map<String, String> body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the answer is a problem detail with this title. */
    private static boolean refusedAs(HttpResponse<String> response, String title) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        try {
            return title.equals(Json.MAPPER.readTree(response.body()).path("title").asString(""));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri().getPath() + " answered " + response.statusCode());
        }
    }
}
