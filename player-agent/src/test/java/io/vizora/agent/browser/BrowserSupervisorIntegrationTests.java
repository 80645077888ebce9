package io.vizora.agent.browser;

import com.sun.net.httpserver.HttpServer;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Debian's Chromium, headless, kept showing a page by the supervisor: killed, hung, or never starting. */
class BrowserSupervisorIntegrationTests {

    private static final Path CHROMIUM = Path.of(TestStack.env("VIZORA_CHROMIUM", "/usr/bin/chromium"));
    private static final Duration LONG = Duration.ofSeconds(60);

    private HttpServer page;
    private URI address;
    private volatile long asked = System.nanoTime() - Long.MAX_VALUE / 2;

    @BeforeEach
    void aPage() throws Exception {
        page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals("/now")) {
                    asked = System.nanoTime();
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                // asks what to show twice a second, as the kiosk page does
                var body = ("<!doctype html><title>kiosk</title><body style=\"margin:0;background:#d21e3c\"><h1>on screen</h1>"
                        + "<script>setInterval(() => fetch('/now').catch(() => {}), 500)</script>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        page.start();
        address = URI.create("http://127.0.0.1:" + page.getAddress().getPort() + "/kiosk");
    }

    @AfterEach
    void noPage() {
        page.stop(0);
    }

    private BrowserSupervisor supervising(Path binary, Path dir) {
        return new BrowserSupervisor(new BrowserSupervisor.Settings(binary, address, dir.resolve("profile"), true,
                Duration.ofMillis(500), Duration.ofSeconds(2), 3, Duration.ofSeconds(3)),
                new RestartPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1), 3), () -> asked).start();
    }

    private static String openPages(BrowserSupervisor supervisor) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(supervisor.devTools().orElseThrow().resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aBrowserKilledOrHungIsStartedAgainOnThePageAndTheRestartsAreCountedWithTheirReason(@TempDir Path dir) throws Exception {
        try (var supervisor = supervising(CHROMIUM, dir)) {
            await().atMost(LONG).until(() -> supervisor.state().condition().equals("running"));
            assertThat(openPages(supervisor)).contains(address.toString());

            var killed = supervisor.process().orElseThrow();
            killed.destroyForcibly();
            await().atMost(LONG).until(() -> supervisor.state().restarts() == 1 && supervisor.state().condition().equals("running"));
            assertThat(supervisor.state().detail()).startsWith("exited with status");
            assertThat(supervisor.process().orElseThrow().pid()).isNotEqualTo(killed.pid());
            assertThat(openPages(supervisor)).contains(address.toString());

            var hung = supervisor.process().orElseThrow();
            new ProcessBuilder("kill", "-STOP", Long.toString(hung.pid())).start().waitFor();
            await().atMost(LONG).until(() -> supervisor.state().restarts() == 2 && supervisor.state().condition().equals("running"));
            assertThat(supervisor.state().detail()).startsWith("stopped answering");
            assertThat(hung.isAlive()).as("the hung browser was ended").isFalse();
        }
    }

    /**
     * The page's own process dies ("Aw, Snap!") or hangs while the browser answers: the screen
     * showed a crashed or frozen page for good, every check saying all was well.
     */
    @Test
    void aBrowserWhosePageCrashedIsStartedAgainOnceThePageStoppedAsking(@TempDir Path dir) throws Exception {
        try (var supervisor = supervising(CHROMIUM, dir)) {
            await().atMost(LONG).until(() -> supervisor.state().condition().equals("running") && System.nanoTime() - asked < 1_000_000_000L);
            var browser = supervisor.process().orElseThrow();

            var renderers = browser.descendants().filter(BrowserSupervisorIntegrationTests::rendersPages).toList();
            assertThat(renderers).isNotEmpty();
            renderers.forEach(ProcessHandle::destroyForcibly);

            await().atMost(LONG).until(() -> supervisor.state().restarts() == 1 && supervisor.state().condition().equals("running"));
            assertThat(supervisor.state().detail()).startsWith("showed a page that stopped asking what to show");
            assertThat(supervisor.process().orElseThrow().pid()).isNotEqualTo(browser.pid());
            var restarted = System.nanoTime();
            await().atMost(LONG).until(() -> asked - restarted > 0);
        }
    }

    /** Chromium rewrites its processes' arguments, which the JDK then reads as none: the kernel's copy says what each is. */
    private static boolean rendersPages(ProcessHandle process) {
        try {
            return java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).contains("--type=renderer");
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    @Test
    void aScreenshotIsACaptureOfWhatTheBrowserShows(@TempDir Path dir) throws Exception {
        try (var supervisor = supervising(CHROMIUM, dir)) {
            await().atMost(LONG).until(() -> supervisor.state().condition().equals("running"));

            var picture = await().atMost(LONG).ignoreExceptions().until(() -> ImageIO.read(new ByteArrayInputStream(supervisor.screenshot())),
                    image -> image != null && (image.getRGB(image.getWidth() / 2, image.getHeight() - 10) & 0xFFFFFF) == 0xD21E3C);

            assertThat(picture.getWidth()).isEqualTo(1920);
            assertThat(picture.getHeight()).isEqualTo(1080);
        }
    }

    @Test
    void aBrowserThatKeepsDyingIsReportedFailingAndNotRestartedInATightLoop(@TempDir Path dir) {
        try (var supervisor = supervising(Path.of("/bin/false"), dir)) {
            await().atMost(LONG).until(() -> supervisor.state().condition().equals("failing"));
            assertThat(supervisor.state().detail()).isEqualTo("exited with status 1");
            // 3 failures within the window make it failing; the waits between starts double (RestartPolicyTests)
            assertThat(supervisor.state().restarts()).isBetween(3, 6);
        }
    }

    @Test
    void closingTheSupervisorEndsTheBrowserItStarted(@TempDir Path dir) {
        var supervisor = supervising(CHROMIUM, dir);
        await().atMost(LONG).until(() -> supervisor.state().condition().equals("running"));
        var browser = supervisor.process().orElseThrow();

        supervisor.close();

        assertThat(browser.isAlive()).isFalse();
        assertThat(supervisor.state().condition()).isEqualTo("stopped");
    }
}
