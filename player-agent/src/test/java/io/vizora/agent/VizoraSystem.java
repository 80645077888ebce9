package io.vizora.agent;

import io.vizora.agent.link.Backoff;
import io.vizora.testsupport.ServiceProcess;
import io.vizora.testsupport.TestStack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole system as processes on the test stack: command service, outbox relay, projector,
 * partner streams and push gateway from their packaged jars, started once for all the test classes
 * that {@link Shared use it} and stopped when they are done. Device tokens live three minutes here
 * and the gateway gives notice 170 s ahead, so token rotation happens within seconds; a screen
 * heard for two seconds (not ten) is online, so tests that wait for it wait less. Address limits
 * are lifted: every request comes from one address.
 */
final class VizoraSystem implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] UNLIMITED = {"--vizora.web.rate-limit.per-address.capacity=100000000",
            "--vizora.web.rate-limit.authentication-per-address.capacity=100000000", "--vizora.web.rate-limit.per-user.capacity=100000000"};

    /** Starts the system for the first class that asks, and has JUnit stop it once every class ran. */
    static final class Shared implements BeforeAllCallback {

        private static VizoraSystem system;

        @Override
        public void beforeAll(ExtensionContext context) {
            system = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(VizoraSystem.class, type -> {
                try {
                    return new VizoraSystem();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, VizoraSystem.class);
        }
    }

    /** The system of this test run; the class asking is extended with {@link Shared}. */
    static VizoraSystem shared() {
        return java.util.Objects.requireNonNull(Shared.system, "extend the test class with VizoraSystem.Shared");
    }

    final ServiceProcess commandService;
    final ServiceProcess relay;
    final ServiceProcess projector;
    final ServiceProcess partnerStreams;
    ServiceProcess gateway;

    private VizoraSystem() throws IOException {
        var services = TestStack.repositoryRoot().resolve("services");
        commandService = ServiceProcess.start(services.resolve("command-service/target/command-service.jar"), "e2e-command-service", 0,
                // codes that run out within a test, so a screen is seen to show a new one by itself
                with("--vizora.tokens.device-token-lifetime=PT3M", "--vizora.pairing.code-lifetime=PT30S"));
        relay = ServiceProcess.start(services.resolve("outbox-relay/target/outbox-relay.jar"), "e2e-outbox-relay", 0);
        projector = ServiceProcess.start(services.resolve("projector/target/projector.jar"), "e2e-projector", 0,
                with(jwks(), "--vizora.projector.presence.sync-grace=PT5S", "--vizora.projector.presence.online-after=PT2S", "--vizora.projector.generation=e2e-" + UUID.randomUUID()));
        partnerStreams = ServiceProcess.start(services.resolve("partner-streams/target/partner-streams.jar"), "e2e-partner-streams", 0,
                with(jwks()));
        gateway = gateway("e2e-push-gateway");
        for (var service : List.of(commandService, relay, projector, partnerStreams, gateway)) {
            service.awaitUp();
        }
        awaitCaughtUp(projector);
        awaitCaughtUp(partnerStreams);
    }

    /**
     * A new projector generation, and the partner streams, fold the test stack's topics from the
     * beginning: every event the modules tested before this one produced. Tests start once that
     * replay is done; a display paired during it waited behind it for its first manifest, past the
     * tests' minute on a busy run.
     */
    private static void awaitCaughtUp(ServiceProcess service) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var health = service.health();
            if (health.isBlank()) {
                return false;
            }
            var consumers = Json.MAPPER.readTree(health).path("components").path("consumers").path("details");
            var caughtUp = !consumers.isEmpty();
            for (var consumer : consumers) {
                caughtUp &= consumer.path("condition").asString("").equals("consuming") && consumer.path("lag").asLong(-1) == 0;
            }
            return caughtUp;
        });
    }

    private static String[] with(String... arguments) {
        var all = new ArrayList<>(List.of(UNLIMITED));
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    private String jwks() {
        return "--vizora.tokens.jwks-uri=" + commandService.url("/.well-known/jwks.json");
    }

    /** Another push gateway instance on the same stack, as a second gateway of a deployment would be. */
    ServiceProcess gateway(String name, String... args) throws IOException {
        var arguments = new ArrayList<>(List.of(jwks(), "--vizora.gateway.token-renewal-notice=PT170S"));
        arguments.addAll(List.of(args));
        return ServiceProcess.start(TestStack.repositoryRoot().resolve("services/push-gateway/target/push-gateway.jar"), name, 0,
                arguments.toArray(String[]::new));
    }

    /** A gateway address where nothing listens: an agent given it is offline. */
    static URI unreachableGateway() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return URI.create("ws://127.0.0.1:" + socket.getLocalPort());
        }
    }

    static URI socketOf(ServiceProcess gateway) {
        return URI.create("ws://127.0.0.1:" + gateway.port());
    }

    URI server() {
        return URI.create(commandService.url(""));
    }

    URI gatewayUri() {
        return socketOf(gateway);
    }

    AgentOptions agent(Path dataDir, URI gateway, Integer kioskPort) {
        return agent(dataDir, gateway, kioskPort, Duration.ofMinutes(10));
    }

    /** An agent that checks for a newer manifest over HTTP every {@code manifestCheckEvery} (the others rely on the push). */
    AgentOptions agent(Path dataDir, URI gateway, Integer kioskPort, Duration manifestCheckEvery) {
        return agent(dataDir, server(), gateway, kioskPort, manifestCheckEvery);
    }

    /** An agent that reaches the system at {@code server} and {@code gateway} (the edge's, say). */
    AgentOptions agent(Path dataDir, URI server, URI gateway, Integer kioskPort, Duration manifestCheckEvery) {
        return new AgentOptions(dataDir, server, gateway, server, Duration.ofSeconds(1), 50,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), Duration.ofMillis(200), Duration.ofMinutes(1), manifestCheckEvery, kioskPort);
    }

    /** The display's entry in the operator's fleet view. */
    tools.jackson.databind.JsonNode fleetEntry(OperatorApi operator, UUID display) throws IOException, InterruptedException {
        for (var entry : operator.read(URI.create(projector.url("")), "/api/v1/fleet")) {
            if (entry.path("displayId").asString().equals(display.toString())) {
                return entry;
            }
        }
        throw new AssertionError("display " + display + " is not in the fleet view");
    }

    /** A signed-up operator of a new organisation, logged in. */
    OperatorApi operator() throws IOException, InterruptedException {
        var api = new OperatorApi(server(), HTTP);
        var email = "e2e-" + UUID.randomUUID() + "@example.com";
        var password = "correct horse battery " + UUID.randomUUID();
        api.signUp("E2E " + UUID.randomUUID(), email, password);
        return api.logIn(email, password);
    }

    /**
     * The start of an MP4 file (its ftyp box, then an empty mdat), random so each is new content:
     * the command service knows it as video/mp4 by its bytes, and a screen's browser is given it
     * in a video element. It decodes to nothing; what is under test is that it reaches the screen.
     */
    static byte[] mp4() {
        var random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i', 's', 'o', 'm'});
        out.writeBytes(new byte[] {0, 0, 0, 0x18, 'm', 'd', 'a', 't'});
        out.writeBytes(random);
        return out.toByteArray();
    }

    /** A small PNG of its own colour, so every upload has its own digest. */
    static byte[] png() throws IOException {
        var image = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        graphics.fillRect(0, 0, 32, 18);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Override
    public void close() throws Exception {
        var failures = new ArrayList<Throwable>();
        for (var service : List.of(gateway, partnerStreams, projector, relay, commandService)) {
            try {
                service.close();
            } catch (Exception | AssertionError e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            var failure = new IllegalStateException("the system did not stop cleanly", failures.getFirst());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
