package io.vizora.agent;

import io.vizora.testsupport.Chromium;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fleet commands from an operator's request to what the screen does, through every service as a
 * process of its own and a real agent whose kiosk page a headless Chromium shows: each command's
 * round trip and outcome, a screenshot whose pixels are the kiosk page's, a command that waits for
 * an offline screen, and one that expires before the screen comes back and never runs.
 */
@ExtendWith(VizoraSystem.Shared.class)
class FleetCommandsIntegrationTests {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static VizoraSystem system;

    @BeforeAll
    static void system() {
        system = VizoraSystem.shared();
    }

    private static Agent paired(OperatorApi operator, String name, AgentOptions options) throws Exception {
        var agent = new Agent(options, VizoraSystem.HTTP).start();
        await().atMost(LONG).until(() -> agent.status().pairingCode() != null);
        operator.claim(agent.status().pairingCode(), name, "Europe/Berlin", List.of("commands"));
        await().atMost(LONG).until(() -> agent.credentials().isPresent());
        return agent;
    }

    /** The display's state of the command, as the operator API reports it (null while the projector has not seen it). */
    private static JsonNode state(OperatorApi operator, UUID display, UUID command) throws Exception {
        for (var entry : operator.read(URI.create(system.projector.url("")), "/api/v1/displays/" + display + "/commands")) {
            if (entry.path("commandId").asString().equals(command.toString())) {
                return entry;
            }
        }
        return null;
    }

    /** Sends the command to the display and waits until it reports {@code expected}; the command's entry then. */
    private static JsonNode roundTrip(OperatorApi operator, UUID display, String command, String expected) throws Exception {
        var started = System.nanoTime();
        var id = UUID.fromString(operator.command(command, Map.of("displayIds", List.of(display.toString())), 600).get("commandId").asString());
        var entry = await().atMost(LONG).until(() -> state(operator, display, id),
                found -> found != null && !found.path("state").asString().matches("sent|delivered"));
        System.out.printf("fleet command %s: %s after %d ms (%s)%n", command, entry.path("state").asString(),
                (System.nanoTime() - started) / 1_000_000, entry.path("detail").asString(""));
        assertThat(entry.path("state").asString()).as(entry.toString()).isEqualTo(expected);
        return entry;
    }

    @Test
    void aConnectedScreenRunsEachCommandAndReportsItsOutcomeAndItsScreenshotShowsWhatTheKioskPageShows(@TempDir Path dir) throws Exception {
        var operator = system.operator();
        var png = VizoraSystem.png();
        var colour = ImageIO.read(new ByteArrayInputStream(png)).getRGB(0, 0) & 0xFFFFFF;
        var content = operator.upload("full screen", png);
        operator.publishAllDay("commands", operator.playlist("one colour", List.of(content), 60_000), "commands", 7, 1);
        var restarts = new AtomicInteger();
        try (var agent = paired(operator, "Lobby " + UUID.randomUUID(), system.agent(dir, system.gatewayUri(), 0))) {
            agent.restartWith(restarts::incrementAndGet);
            agent.superviseBrowser(Path.of(TestStack.env("VIZORA_CHROMIUM", "/usr/bin/chromium")), true);
            var display = agent.credentials().orElseThrow().displayId();
            await().atMost(LONG).until(() -> agent.status().playing() != null && agent.browser().orElseThrow().state().condition().equals("running"));

            // first, once the browser shows the campaign's image and nothing else is over the page
            var supervised = agent.browser().orElseThrow();
            await().atMost(LONG).ignoreExceptions().until(() -> ImageIO.read(new ByteArrayInputStream(supervised.screenshot())),
                    shown -> (shown.getRGB(960, 540) & 0xFFFFFF) == colour);
            var shot = roundTrip(operator, display, "SCREENSHOT", "done");
            var listed = operator.read(URI.create(system.commandService.url("")), "/api/v1/displays/" + display + "/screenshots").get(0);
            assertThat(listed.path("screenshotId").asString()).isEqualTo(shot.path("screenshotId").asString());
            var image = VizoraSystem.HTTP.send(HttpRequest.newBuilder(URI.create(listed.path("url").asString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
            assertThat(picture.getWidth()).isEqualTo(1920);
            assertThat(picture.getHeight()).isEqualTo(1080);
            // the kiosk page shows the campaign's image across the screen: the capture is that colour
            assertThat(picture.getRGB(960, 540) & 0xFFFFFF).isEqualTo(colour);
            System.out.printf("screenshot: %d bytes%n", image.length);
            await().atMost(LONG).untilAsserted(() -> assertThat(system.fleetEntry(operator, display).path("lastScreenshot").path("screenshotId").asString())
                    .isEqualTo(listed.path("screenshotId").asString()));

            var identified = roundTrip(operator, display, "IDENTIFY", "done");
            assertThat(identified.path("detail").asString()).startsWith("showing 'Lobby ");
            assertThat(Chromium.dom("http://127.0.0.1:" + agent.kioskPort().orElseThrow() + "/", 1_500))
                    .containsPattern("<div id=\"identify\" role=\"status\">Lobby [0-9a-f-]+</div>");

            assertThat(roundTrip(operator, display, "RELOAD", "done").path("detail").asString()).isEqualTo("the kiosk page reloaded");

            assertThat(roundTrip(operator, display, "CLEAR_CACHE", "done").path("detail").asString()).startsWith("removed 1 cached files");
            await().atMost(LONG).until(() -> agent.status().playing() != null && agent.status().playing().fromCache());

            roundTrip(operator, display, "RESTART", "done");
            assertThat(restarts).hasValue(1);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // mostly waits for a command to expire, beside the other test
    void aCommandWaitsForAnOfflineScreenWhileOneThatExpiresFirstNeverRuns(@TempDir Path dir) throws Exception {
        var operator = system.operator();
        var options = system.agent(dir, system.gatewayUri(), null);
        UUID display;
        try (var agent = paired(operator, "Offline " + UUID.randomUUID(), options)) {
            display = agent.credentials().orElseThrow().displayId();
            await().atMost(LONG).until(() -> system.fleetEntry(operator, display).path("online").asBoolean());
        }
        var target = Map.<String, Object>of("displayIds", List.of(display.toString()));
        var waits = UUID.fromString(operator.command("IDENTIFY", target, 600).get("commandId").asString());
        var expires = UUID.fromString(operator.command("IDENTIFY", target, 5).get("commandId").asString());
        await().atMost(LONG).until(() -> state(operator, display, expires), found -> found != null && found.path("state").asString().equals("expired"));
        assertThat(state(operator, display, waits).path("state").asString()).isEqualTo("sent");

        try (var agent = new Agent(options, VizoraSystem.HTTP).start()) {
            await().atMost(LONG).until(() -> state(operator, display, waits).path("state").asString().equals("done"));
            assertThat(agent.status().identify().name()).startsWith("Offline ");
        }
        var expired = state(operator, display, expires);
        assertThat(expired.path("state").asString()).isEqualTo("expired");
        assertThat(expired.path("deliveredAt").isString()).as(expired.toString()).isFalse();
    }

}
