package io.vizora.agent.link;

import io.vizora.agent.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The pull side of convergence: asks the gateway over HTTP for the display's newest manifest
 * ({@code GET /device/v1/manifest}, ETag = version), so a push path that went silent costs at most
 * one interval. An unchanged manifest costs a 304 and no body.
 */
public final class ManifestCheck {

    /** The gateway does not accept the token (401) or knows no manifest for the display (403: unpaired). */
    public static final class Refused extends IOException {
        private final int status;

        Refused(int status) {
            super("the gateway answered " + status + " to a manifest check");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final URI manifest;
    private final HttpClient http;

    public ManifestCheck(URI gateway, HttpClient http) {
        this.manifest = httpOf(gateway).resolve("/device/v1/manifest");
        this.http = http;
    }

    /** The gateway's address as HTTP: agents are configured with its WebSocket scheme. */
    static URI httpOf(URI gateway) {
        var scheme = switch (gateway.getScheme()) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> gateway.getScheme();
        };
        return URI.create(scheme + gateway.toString().substring(gateway.getScheme().length()));
    }

    /** The newest manifest document if it is newer than {@code version} (null: none yet). */
    public Optional<JsonNode> newerThan(Long version, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(manifest).timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token);
        if (version != null) {
            request.header("If-None-Match", "\"" + version + "\"");
        }
        var response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return switch (response.statusCode()) {
            case 200 -> {
                var document = Json.MAPPER.readTree(response.body());
                yield version == null || document.path("version").asLong() > version ? Optional.of(document) : Optional.empty();
            }
            case 304 -> Optional.empty();
            case 401, 403 -> throw new Refused(response.statusCode());
            default -> throw new IOException("the gateway answered " + response.statusCode() + " to a manifest check");
        };
    }
}
