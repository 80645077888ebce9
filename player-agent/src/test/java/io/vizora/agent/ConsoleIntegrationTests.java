package io.vizora.agent;

import io.vizora.testsupport.ServiceProcess;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge in front of the system and the console in real Chromium: the one origin routes every
 * path to its service, a player agent reaches the system through it, and an operator signs up,
 * pairs that agent, builds a playlist, publishes a campaign onto it and sees the screen show it,
 * while an invited viewer can change nothing (console/e2e/run.mjs, Playwright driving Debian's Chromium).
 */
@ExtendWith(VizoraSystem.Shared.class)
class ConsoleIntegrationTests {

    private static final Path ROOT = TestStack.repositoryRoot();
    private static VizoraSystem system;
    private static ServiceProcess edge;

    @BeforeAll
    static void start() throws IOException {
        system = VizoraSystem.shared();
        edge = ServiceProcess.start(ROOT.resolve("services/edge/target/edge.jar"), "e2e-edge", 0,
                "--vizora.edge.command-service=" + system.commandService.url(""), "--vizora.edge.projector=" + system.projector.url(""),
                "--vizora.edge.push-gateway=" + system.gateway.url(""), "--vizora.edge.partner-streams=" + system.partnerStreams.url(""),
                "--vizora.edge.console-dir=" + ROOT.resolve("console/dist"));
        edge.awaitUp();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        edge.close();
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return VizoraSystem.HTTP.send(HttpRequest.newBuilder(URI.create(edge.url(path))).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEdgeRoutesEachPathToTheServiceThatOwnsItAndServesTheConsolesPagesUnderAStrictPolicy() throws Exception {
        assertThat(get("/.well-known/jwks.json", "*/*").body()).contains("\"keys\"");
        var fleet = get("/api/v1/fleet", "application/json");
        assertThat(fleet.statusCode()).isEqualTo(401);
        assertThat(fleet.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/partner/v1/events", "application/json").statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs/projector", "application/json").body()).contains("/api/v1/fleet");
        assertThat(get("/v3/api-docs/command-service", "application/json").body()).contains("/api/v1/displays");

        var page = get("/displays/pair", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\"></div>").doesNotContain("<script>");
        // the console reaches its own origin, and the object store for large uploads and previews only
        var store = URI.create(System.getenv("VIZORA_S3_ENDPOINT"));
        var origin = store.getScheme() + "://" + store.getHost() + ":" + store.getPort();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'")
                .contains("connect-src 'self' " + origin + ";").contains("img-src 'self' data: blob: " + origin + ";"));
        assertThat(get("/api/v1/no-such-thing", "text/html").statusCode()).isEqualTo(401);

        var health = edge.health();
        assertThat(health).contains("\"routes\"").contains("\"command-service\"").contains("\"projector\"").contains("\"push-gateway\"")
                .contains("\"partner-streams\"").contains("\"console\"");
    }

    @Test
    void anOperatorPairsAScreenThroughTheEdgeSchedulesACampaignOntoItAndSeesTheScreenShowItInChromium(@TempDir Path dir) throws Exception {
        var socket = URI.create("ws://127.0.0.1:" + edge.port() + "/device/v1/socket");
        try (var agent = new Agent(system.agent(dir, URI.create(edge.url("")), socket, null, Duration.ofMinutes(10)), VizoraSystem.HTTP).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> agent.status().pairingCode() != null);

            var log = Path.of("target", "console-e2e.log").toAbsolutePath();
            var browser = new ProcessBuilder("node", "e2e/run.mjs").directory(ROOT.resolve("console").toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            browser.environment().put("EDGE_URL", edge.url(""));
            browser.environment().put("PAIRING_CODE", agent.status().pairingCode());
            browser.environment().put("SCREENSHOTS", ROOT.resolve("docs").toString());
            var run = browser.start();
            var finished = run.waitFor(6, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            var output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(finished).as("the browser run ended in time:\n" + output).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(agent.credentials()).as("the agent paired through the edge").isPresent();
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.status().connected());
        }
    }
}
