package io.vizora.agent.command;

import io.vizora.agent.browser.BrowserSupervisor;
import io.vizora.agent.cache.ContentCache;
import io.vizora.agent.device.Credentials;
import io.vizora.agent.device.DeviceApi;
import io.vizora.agent.kiosk.KioskServer;
import io.vizora.agent.playback.Downloads;
import io.vizora.device.FleetCommand;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a screen does for each fleet command. Reload and identify are shown by the kiosk page
 * (it reads {@link #reloadAt()} and {@link #identifying()} from the agent's status); a screenshot
 * is a capture of the supervised kiosk browser, uploaded and retried until the command expires.
 */
public final class ScreenActions implements Actions {

    /** The display's name shown over everything until {@code until}. */
    public record Identify(String name, Instant until) {
    }

    static final Duration IDENTIFY_FOR = Duration.ofSeconds(15);
    static final Duration RELOAD_WITHIN = Duration.ofSeconds(15);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Supplier<Optional<KioskServer>> kiosk;
    private final ContentCache cache;
    private final Downloads downloads;
    private final Supplier<Optional<BrowserSupervisor>> browser;
    private final DeviceApi device;
    private final Supplier<Optional<Credentials>> credentials;
    private final Supplier<Runnable> restart;
    private volatile Instant reloadAt;
    private volatile Identify identify;

    /** {@code restart}: what ends the agent so its supervisor starts it again; null if nothing would. */
    public ScreenActions(Supplier<Optional<KioskServer>> kiosk, ContentCache cache, Downloads downloads,
                         Supplier<Optional<BrowserSupervisor>> browser, DeviceApi device, Supplier<Optional<Credentials>> credentials,
                         Supplier<Runnable> restart) {
        this.kiosk = kiosk;
        this.cache = cache;
        this.downloads = downloads;
        this.browser = browser;
        this.device = device;
        this.credentials = credentials;
        this.restart = restart;
    }

    /** When the kiosk page was last asked to reload (null: never); the page reloads when this changes. */
    public Instant reloadAt() {
        return reloadAt;
    }

    /** The name to show now, if an identify command is showing it. */
    public Identify identifying() {
        var shown = identify;
        return shown != null && Instant.now().isBefore(shown.until()) ? shown : null;
    }

    @Override
    public Outcome reload(FleetCommand command) throws Exception {
        var page = kiosk.get().orElseThrow(() -> new IllegalStateException("this agent shows no kiosk page (it runs with --no-kiosk)"));
        var before = page.pageLoads();
        reloadAt = Instant.now();
        var until = Instant.now().plus(RELOAD_WITHIN);
        while (page.pageLoads() == before) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the kiosk page did not reload within " + RELOAD_WITHIN.toSeconds() + " s: is a browser showing it?");
            }
            Thread.sleep(100);
        }
        return Outcome.of("the kiosk page reloaded");
    }

    @Override
    public Outcome clearCache(FleetCommand command) throws Exception {
        var removed = cache.evictAllBut(Set.of());
        downloads.manifestChanged();
        return Outcome.of("removed " + removed + " cached files; downloading again what the schedule needs");
    }

    @Override
    public Outcome identify(FleetCommand command) throws Exception {
        var name = device.displayName(paired());
        identify = new Identify(name, Instant.now().plus(IDENTIFY_FOR));
        return Outcome.of("showing '" + name + "' for " + IDENTIFY_FOR.toSeconds() + " s");
    }

    /** Captures and uploads; what fails is tried again, waiting longer each time, until the command expires. */
    @Override
    public Outcome screenshot(FleetCommand command) throws Exception {
        var supervised = browser.get().orElseThrow(() -> new IllegalStateException(
                "no kiosk browser to capture: this agent supervises none (run it with --browser)"));
        var wait = FIRST_RETRY;
        while (true) {
            try {
                var png = supervised.screenshot();
                var screenshotId = device.uploadScreenshot(paired(), command.commandId(), png);
                return new Outcome("captured " + width(png) + "×" + height(png) + ", " + png.length + " bytes", screenshotId);
            } catch (IOException e) {
                if (Instant.now().plus(wait).isAfter(command.expiresAt())) {
                    throw new IOException("no screenshot before the command expired; last: " + e.getMessage(), e);
                }
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    @Override
    public boolean canRestart() {
        return restart.get() != null;
    }

    @Override
    public void restart() {
        restart.get().run();
    }

    private Credentials paired() throws IOException {
        return credentials.get().orElseThrow(() -> new IOException("this screen is not paired"));
    }

    /** A PNG's size is in its header chunk, right after the signature. */
    private static int width(byte[] png) {
        return ByteBuffer.wrap(png, 16, 4).getInt();
    }

    private static int height(byte[] png) {
        return ByteBuffer.wrap(png, 20, 4).getInt();
    }
}
