package io.vizora.agent.browser;

import io.vizora.agent.Pauses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Keeps a Chromium showing the kiosk page full screen: starts it, asks its DevTools endpoint
 * (loopback only) every few seconds whether it still answers, and starts it again when it exited
 * or stopped answering, or when its page, once it asked what to show, stopped asking (the page's
 * process crashed, "Aw, Snap!", or a script hung it: the browser itself still answers), as its
 * {@link RestartPolicy} allows, never in a tight loop. What it is
 * doing is its {@link State}, which the agent reports in its status and heartbeats.
 */
public final class BrowserSupervisor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrowserSupervisor.class.getName());

    /**
     * @param condition starting, running, restarting (waiting to start again), failing (restarting
     *                  after too many failures lately) or stopped
     * @param restarts  how many times the browser was started again since the agent started
     * @param detail    why it was last started again (null: never)
     */
    public record State(String condition, int restarts, String detail, Instant since) {
    }

    /** How the browser runs and how closely it is watched. */
    public record Settings(Path binary, URI page, Path profile, boolean headless, Duration checkEvery, Duration answerWithin,
                           int unansweredChecks, Duration pageSilentFor) {

        /**
         * A screen's browser: checked every 5 s, restarted after 3 checks without an answer within
         * 5 s, or once its page (which asks twice a second) has not asked for 30 s.
         */
        public static Settings forScreen(Path binary, URI page, Path profile, boolean headless) {
            return new Settings(binary, page, profile, headless, Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ofSeconds(30));
        }
    }

    private final Settings settings;
    private final RestartPolicy policy;
    private final LongSupplier pageAsked;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = new State("starting", 0, null, Instant.now());
    private volatile Process browser;
    private Thread thread;

    /** {@code pageAsked}: when the page last asked what to show, by {@link System#nanoTime()}. */
    public BrowserSupervisor(Settings settings, RestartPolicy policy, LongSupplier pageAsked) {
        this.settings = settings;
        this.policy = policy;
        this.pageAsked = pageAsked;
    }

    public synchronized BrowserSupervisor start() {
        if (thread == null) {
            thread = Thread.ofVirtual().name("browser").start(this::supervise);
        }
        return this;
    }

    public State state() {
        return state;
    }

    /** The running browser's process, if one runs. */
    public Optional<ProcessHandle> process() {
        var current = browser;
        return current != null && current.isAlive() ? Optional.of(current.toHandle()) : Optional.empty();
    }

    /** The DevTools endpoint of the running browser (loopback), once it wrote its port. */
    public Optional<URI> devTools() {
        try {
            var file = settings.profile().resolve("DevToolsActivePort");
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            var lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(URI.create("http://127.0.0.1:" + lines.getFirst().strip()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A PNG of what the browser shows now, captured through its DevTools endpoint. */
    public byte[] screenshot() throws IOException, InterruptedException {
        var endpoint = devTools().orElseThrow(() -> new IOException("the browser is not running"));
        return new DevTools(http, settings.answerWithin().multipliedBy(2)).screenshot(endpoint, settings.page());
    }

    private void supervise() {
        int restarts = 0;
        while (stopped.getCount() > 0) {
            String why;
            try {
                browser = launch();
                why = watch(browser);
            } catch (IOException | RuntimeException e) {
                why = "could not start: " + e.getMessage();
            }
            if (stopped.getCount() == 0) {
                break;
            }
            var now = Instant.now();
            var wait = policy.failed(now);
            restarts++;
            var reason = why;
            state = new State(policy.failing(now) ? "failing" : "restarting", restarts, reason, now);
            LOG.warning(() -> "the kiosk browser " + reason + "; starting it again in " + wait.toSeconds() + " s");
            if (pause(wait)) {
                break;
            }
        }
        end(browser);
        state = new State("stopped", state.restarts(), state.detail(), Instant.now());
    }

    private Process launch() throws IOException {
        Files.createDirectories(settings.profile());
        // a port file left by the browser before is not this one's
        Files.deleteIfExists(settings.profile().resolve("DevToolsActivePort"));
        var command = new ArrayList<>(List.of(settings.binary().toString(), "--no-first-run", "--noerrdialogs",
                "--disable-infobars", "--disable-session-crashed-bubble", "--disable-features=Translate",
                "--autoplay-policy=no-user-gesture-required", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + settings.profile()));
        // full screen on a display; without one, a window of a full-HD screen's size (kiosk mode would shrink it to headless's 800 × 600 screen)
        command.addAll(settings.headless() ? List.of("--headless", "--window-size=1920,1080") : List.of("--kiosk"));
        if ("root".equals(ProcessHandle.current().info().user().orElse(""))) {
            command.add("--no-sandbox"); // Chromium refuses to run as root with its sandbox
        }
        // an app window: no tabs, no address bar, the page fills the window
        command.add("--app=" + settings.page());
        var log = settings.profile().resolveSibling("browser.log");
        var started = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        state = new State("starting", state.restarts(), state.detail(), Instant.now());
        return started;
    }

    /** Returns why the browser has to be started again, once it exited or stopped answering (or the supervisor stopped). */
    private String watch(Process running) {
        int unanswered = 0;
        var launched = System.nanoTime();
        while (!pause(settings.checkEvery())) {
            if (!running.isAlive()) {
                return "exited with status " + running.exitValue();
            }
            if (answers()) {
                unanswered = 0;
                // watched once this browser's page has asked: a slow first load is not a silence
                var asked = pageAsked.getAsLong();
                var silent = Duration.ofNanos(System.nanoTime() - asked);
                if (asked - launched > 0 && silent.compareTo(settings.pageSilentFor()) > 0) {
                    end(running);
                    return "showed a page that stopped asking what to show for " + silent.toSeconds() + " s (crashed or hung)";
                }
                if (!"running".equals(state.condition())) {
                    state = new State("running", state.restarts(), state.detail(), Instant.now());
                }
            } else if (++unanswered >= settings.unansweredChecks()) {
                end(running);
                return "stopped answering for " + settings.checkEvery().multipliedBy(unanswered).toSeconds() + " s";
            }
        }
        return "stopped";
    }

    private boolean answers() {
        var endpoint = devTools();
        if (endpoint.isEmpty()) {
            return false;
        }
        try {
            var response = http.send(HttpRequest.newBuilder(endpoint.get().resolve("/json/version")).timeout(settings.answerWithin()).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the browser this supervisor started, its helper processes with it. */
    private static void end(Process running) {
        if (running == null || !running.isAlive()) {
            return;
        }
        var helpers = running.descendants().toList();
        running.destroy();
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
    }

    private boolean pause(Duration duration) {
        return Pauses.pause(stopped, duration);
    }

    @Override
    public void close() {
        stopped.countDown();
        var supervising = thread;
        if (supervising != null) {
            try {
                supervising.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        end(browser);
    }
}
