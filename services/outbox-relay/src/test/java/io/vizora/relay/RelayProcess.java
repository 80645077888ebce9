package io.vizora.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The packaged relay (target/outbox-relay.jar) as its own OS process, so tests can kill -9 it. */
final class RelayProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final int port;

    private RelayProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static RelayProcess start(String name) throws IOException {
        var port = freePort();
        var log = Path.of("target", "relay-" + name + ".log");
        var command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "--enable-native-access=ALL-UNNAMED",
                "-jar", Path.of("target", "outbox-relay.jar").toString(),
                "--server.port=" + port,
                "--vizora.relay.heartbeat-interval=1s",
                "--vizora.relay.restart-backoff=500ms",
                "--vizora.relay.leader-check-interval=250ms"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RelayProcess(process, log, port);
    }

    RelayProcess awaitRole(String role) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> health().contains("\"role\":\"" + role + "\""));
        return this;
    }

    String health() {
        return get("/actuator/health");
    }

    String metrics() {
        return get("/actuator/prometheus");
    }

    private String get(String path) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the relay exited; its log: " + log.toAbsolutePath());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook runs, no offset is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
