package io.vizora.agent.device;

import com.sun.net.httpserver.HttpServer;
import io.vizora.device.DeviceRefusals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What renewing a device token takes for an unpairing. The agent forgets its pairing on it and
 * shows a code, so a 401 or 404 from a proxy or an ingress in front of the command service (during
 * a deploy, say) must not count: it would unpair every screen behind it.
 */
class DeviceApiTests {

    private final Credentials credentials = new Credentials(UUID.randomUUID(), UUID.randomUUID(), "s3cret-device-secret", "eyJ.token",
            Instant.now().plusSeconds(60));
    private HttpServer server;

    /** A server in front of the command service, answering every token request with this status, type and body. */
    private DeviceApi answering(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/device/v1/token", exchange -> {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new DeviceApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theCommandServicesOwnRefusalIsAnUnpairing() throws IOException {
        var api = answering(401, "application/problem+json",
                "{\"title\":\"" + DeviceRefusals.UNKNOWN_DEVICE + "\",\"status\":401,\"detail\":\"No paired display has this id and secret.\"}");
        assertThatThrownBy(() -> api.renew(credentials)).isInstanceOf(DeviceApi.UnpairedException.class);
    }

    @Test
    void aProxysUnauthorisedPageIsAFailureToTryAgainNotAnUnpairing() throws IOException {
        var api = answering(401, "text/html", "<html><body>401 Authorization Required</body></html>");
        assertThatThrownBy(() -> api.renew(credentials)).isInstanceOf(IOException.class).isNotInstanceOf(DeviceApi.UnpairedException.class);
    }

    @Test
    void aRouteNotFoundDuringADeployIsAFailureToTryAgainNotAnUnpairing() throws IOException {
        var api = answering(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
        assertThatThrownBy(() -> api.renew(credentials)).isInstanceOf(IOException.class).isNotInstanceOf(DeviceApi.UnpairedException.class);
    }
}
