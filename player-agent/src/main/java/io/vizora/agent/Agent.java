package io.vizora.agent;

import io.vizora.agent.cache.ContentCache;
import io.vizora.agent.command.CommandLog;
import io.vizora.agent.command.CommandRunner;
import io.vizora.agent.command.ScreenActions;
import io.vizora.device.FleetCommand;
import io.vizora.agent.device.CredentialStore;
import io.vizora.agent.device.Credentials;
import io.vizora.agent.device.DeviceApi;
import io.vizora.agent.journal.PlayJournal;
import io.vizora.agent.browser.BrowserSupervisor;
import io.vizora.device.MessageTypes;
import io.vizora.agent.browser.RestartPolicy;
import io.vizora.agent.kiosk.KioskServer;
import io.vizora.agent.link.GatewayLink;
import io.vizora.agent.link.ManifestCheck;
import io.vizora.agent.playback.Downloads;
import io.vizora.agent.playback.Player;
import io.vizora.agent.playback.WebPages;
import io.vizora.agent.timeline.Manifest;
import io.vizora.agent.timeline.ManifestStore;
import io.vizora.schedule.PlayItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import io.vizora.agent.journal.Play;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * One screen's agent: pairs if it has no credentials, holds the gateway link, keeps the newest
 * manifest (on disk too), the cache and the player going, reports journaled plays until they are
 * acknowledged, beats with its health, renews its token before it expires, and starts over with a
 * pairing code when it is unpaired.
 */
public final class Agent implements AutoCloseable, GatewayLink.Listener {

    private static final Logger LOG = Logger.getLogger(Agent.class.getName());
    static final String VERSION = Optional.ofNullable(Agent.class.getPackage().getImplementationVersion()).orElse("dev");

    private final AgentOptions options;
    private final CredentialStore credentialStore;
    private final DeviceApi deviceApi;
    private final ManifestStore manifestStore;
    private final PlayJournal journal;
    private final ContentCache cache;
    private final Downloads downloads;
    private final Player player;
    private final GatewayLink link;
    private final ManifestCheck manifestCheck;
    private Instant nextManifestCheck = Instant.now();
    private Instant lastManifestCheck = Instant.EPOCH;
    private final AtomicReference<Credentials> credentials = new AtomicReference<>();
    private final AtomicReference<Manifest> manifest = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> loops = new ArrayList<>();
    private volatile Pairing pairing;
    private volatile String lastError;
    private volatile KioskServer kiosk;
    private volatile BrowserSupervisor browser;
    private final ScreenActions actions;
    private final CommandRunner commands;
    private final Semaphore statusesToSend = new Semaphore(0);
    private volatile Runnable restart;

    public Agent(AgentOptions options, HttpClient http) throws IOException {
        this.options = options;
        SafeFiles.directory(options.dataDir());
        credentialStore = new CredentialStore(options.dataDir());
        deviceApi = new DeviceApi(options.server(), http);
        manifestStore = new ManifestStore(options.dataDir());
        journal = new PlayJournal(options.dataDir());
        cache = new ContentCache(options.dataDir(), http);
        downloads = new Downloads(cache, this::manifest, Duration.ofSeconds(30));
        player = new Player(this::manifest, cache, downloads, journal, new WebPages(http, Duration.ofMinutes(1)));
        link = new GatewayLink(options.socket(), http, this, options.backoff());
        manifestCheck = new ManifestCheck(options.gateway(), http);
        actions = new ScreenActions(() -> Optional.ofNullable(kiosk), cache, downloads, this::browser, deviceApi, this::credentials, () -> restart);
        commands = new CommandRunner(new CommandLog(options.dataDir()), actions, statusesToSend::release);
    }

    /**
     * What ends this agent so that its supervisor starts it again (fleet command restart): the
     * command line exits with 75 for ops/agent.sh or systemd; without one the command is refused.
     */
    public Agent restartWith(Runnable restart) {
        this.restart = restart;
        return this;
    }

    public Agent start() throws IOException {
        credentialStore.load().ifPresent(credentials::set);
        manifestStore.load().ifPresent(manifest::set);
        downloads.start();
        player.start();
        link.start();
        loop("pairing", this::pairWhenNeeded);
        loop("reporter", this::reportPlays);
        loop("command-statuses", this::reportCommandStatuses);
        loop("heartbeat", this::beat);
        loop("manifest-check", this::checkManifest);
        loop("state", this::writeState);
        if (options.kioskPort() != null) {
            kiosk = new KioskServer(options.kioskPort(), this::status, cache, this::mediaTypeOf);
        }
        return this;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void loop(String name, Step step) {
        loops.add(Thread.ofVirtual().name(name).start(() -> {
            while (stopped.getCount() > 0) {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    lastError = name + ": " + e.getMessage();
                    LOG.warning(() -> name + " failed and goes on: " + e);
                    pause(Duration.ofSeconds(1));
                }
            }
        }));
    }

    private boolean pause(Duration duration) {
        return Pauses.pause(stopped, duration);
    }

    public Optional<Manifest> manifest() {
        return Optional.ofNullable(manifest.get());
    }

    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials.get());
    }

    public PlayJournal journal() {
        return journal;
    }

    /** How many times the gateway socket opened since the start. */
    public int connections() {
        return link.connections();
    }

    /**
     * Shows the kiosk page in a Chromium of its own, full screen, started again whenever it dies
     * or hangs ({@link BrowserSupervisor}); its state goes into the status and the heartbeats.
     */
    public synchronized Agent superviseBrowser(Path binary, boolean headless) {
        if (kiosk == null) {
            throw new IllegalStateException("a supervised browser shows the kiosk page, and this agent has none");
        }
        if (browser == null) {
            browser = new BrowserSupervisor(BrowserSupervisor.Settings.forScreen(binary, URI.create("http://127.0.0.1:" + kiosk.port() + "/"),
                    options.dataDir().resolve("browser").resolve("profile"), headless), RestartPolicy.forScreens(), kiosk::lastAsked).start();
        }
        return this;
    }

    public Optional<BrowserSupervisor> browser() {
        return Optional.ofNullable(browser);
    }

    public Optional<Integer> kioskPort() {
        return Optional.ofNullable(kiosk).map(KioskServer::port);
    }

    // --- pairing and tokens

    private void pairWhenNeeded() throws Exception {
        if (credentials.get() != null) {
            renewIfDue();
            pause(Duration.ofSeconds(5));
            return;
        }
        var ticket = deviceApi.requestCode();
        pairing = Pairing.of(ticket.code(), ticket.expiresAt(), options.console());
        LOG.info(() -> "Pairing code " + ticket.code() + " (valid until " + ticket.expiresAt() + "): claim this screen in Vizora");
        System.out.println("Pairing code: " + ticket.code());
        while (Instant.now().isBefore(ticket.expiresAt()) && stopped.getCount() > 0) {
            var paired = deviceApi.collect(ticket);
            if (paired.isPresent()) {
                credentialStore.save(paired.get());
                credentials.set(paired.get());
                pairing = null;
                LOG.info(() -> "paired as display " + paired.get().displayId());
                return;
            }
            pause(options.pairingPoll());
        }
    }

    private void renewIfDue() throws Exception {
        var current = credentials.get();
        if (current != null && Instant.now().plus(options.tokenRenewalMargin()).isAfter(current.tokenExpiresAt())) {
            renew();
        }
    }

    /** A new device token with the secret, presented over the live socket if there is one. */
    private void renew() throws Exception {
        var current = credentials.get();
        if (current == null) {
            return;
        }
        try {
            var renewed = deviceApi.renew(current);
            // used at once, whether or not it could be written: a full disk must not leave the screen with only an expired token
            credentials.set(renewed);
            try {
                credentialStore.save(renewed);
            } catch (IOException e) {
                LOG.warning(() -> "the renewed device token could not be saved (" + e.getMessage() + "); it is used until the agent restarts");
            }
            if (link.connected()) {
                link.request(MessageTypes.TOKEN, Json.MAPPER.createObjectNode().put("accessToken", renewed.accessToken()), Duration.ofSeconds(10));
            }
        } catch (DeviceApi.UnpairedException e) {
            unpaired();
        }
    }

    @Override
    public Optional<String> token() {
        return credentials().map(Credentials::accessToken);
    }

    @Override
    public Long manifestVersion() {
        return manifest().map(Manifest::version).orElse(null);
    }

    @Override
    public void tokenExpiring() {
        Thread.ofVirtual().start(() -> {
            try {
                renew();
            } catch (Exception e) {
                lastError = "token renewal: " + e.getMessage();
            }
        });
    }

    /**
     * 4401: the token is not accepted any more, renew it. 4403: this display has no manifest, which
     * is what an unpairing looks like to an agent that was offline when the gateway said
     * {@code unpaired}; renewing asks the command service, which answers that the display is gone.
     */
    @Override
    public void closed(int code) {
        if (code == 4401 || code == 4403) {
            tokenExpiring();
        }
    }

    @Override
    public void unpaired() {
        LOG.warning("this display was unpaired; showing a pairing code again");
        try {
            credentialStore.forget();
            manifestStore.forget();
            journal.reject(journal.all());
        } catch (IOException e) {
            lastError = "forgetting the pairing: " + e.getMessage();
        }
        credentials.set(null);
        manifest.set(null);
        player.manifestChanged();
        link.drop();
    }

    // --- manifests

    @Override
    public void manifest(JsonNode body) {
        Manifest next;
        try {
            next = Manifest.parse(body.get("manifest"));
        } catch (RuntimeException e) {
            lastError = "a manifest that does not parse: " + e.getMessage();
            return;
        }
        var previous = manifest.getAndAccumulate(next, (current, offered) -> current == null || offered.version() > current.version() ? offered : current);
        if (previous == null || next.version() > previous.version()) {
            try {
                manifestStore.save(next);
            } catch (IOException e) {
                lastError = "could not keep the manifest on disk: " + e.getMessage();
            }
            LOG.info(() -> "manifest " + next.version() + " with " + next.timeline().slices().size() + " slices");
            downloads.manifestChanged();
            player.manifestChanged();
        }
    }

    /**
     * Push is the fast path; this is the one that cannot fail silently: on an interval (jittered, so
     * a fleet does not ask at once) and as soon as the socket has been silent for longer than two
     * heartbeats' acknowledgements would allow, the agent asks the gateway over HTTP for a newer manifest.
     */
    private void checkManifest() throws Exception {
        pause(Duration.ofMillis(500));
        var now = Instant.now();
        // once per silence: a socket that stays silent is the link's to replace, not a reason to poll harder
        var silentSince = link.lastHeard().plus(options.heartbeatEvery().multipliedBy(2).plusSeconds(5));
        var silent = link.connected() && now.isAfter(silentSince) && lastManifestCheck.isBefore(silentSince);
        var token = credentials().map(Credentials::accessToken);
        if (token.isEmpty() || (now.isBefore(nextManifestCheck) && !silent)) {
            return;
        }
        lastManifestCheck = now;
        nextManifestCheck = now.plus(jittered(options.manifestCheckEvery()));
        try {
            manifestCheck.newerThan(manifestVersion(), token.get()).ifPresent(document -> {
                LOG.info(() -> "manifest " + document.path("version").asLong() + " found by the HTTP check: the push did not bring it");
                manifest(Json.MAPPER.createObjectNode().set("manifest", document));
            });
        } catch (ManifestCheck.Refused refused) {
            // as on the socket: 401 renews the token, 403 is what an unpairing looks like; renewing tells which
            closed(refused.status() == 401 ? 4401 : 4403);
        }
    }

    private static Duration jittered(Duration interval) {
        return Duration.ofMillis(Math.round(interval.toMillis() * java.util.concurrent.ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private Optional<String> mediaTypeOf(String sha256) {
        return manifest().stream().flatMap(m -> m.timeline().slices().stream()).flatMap(slice -> slice.items().stream())
                .filter(item -> sha256.equals(item.sha256())).map(PlayItem::mediaType).findFirst();
    }

    // --- fleet commands

    @Override
    public void command(JsonNode body) {
        try {
            commands.receive(FleetCommand.read(body));
        } catch (IllegalArgumentException e) {
            lastError = "a command that does not read: " + e.getMessage();
        }
    }

    /** Sends each status the gateway has not acknowledged, oldest first, until it does. */
    private void reportCommandStatuses() throws Exception {
        statusesToSend.tryAcquire(1, TimeUnit.SECONDS);
        statusesToSend.drainPermits();
        for (var status : commands.unreported()) {
            if (!link.connected()) {
                return;
            }
            try {
                link.request(MessageTypes.COMMAND_STATUS, status.json(), Duration.ofSeconds(10)).get();
                commands.reported(status);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GatewayLink.Refused refused) {
                    lastError = "a command status refused by the gateway: " + refused.getMessage();
                    commands.reported(status);
                } else {
                    statusesToSend.release();
                    return;
                }
            }
        }
    }

    // --- reporting

    private void reportPlays() throws Exception {
        var batch = journal.pending(options.reportBatch(), Duration.ofSeconds(1));
        if (batch.isEmpty() || !link.connected()) {
            if (!batch.isEmpty()) {
                pause(Duration.ofMillis(200));
            }
            return;
        }
        try {
            link.request(MessageTypes.PLAYS, plays(batch), Duration.ofSeconds(15)).get();
            journal.acknowledge(batch);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayLink.Refused refused) {
                lastError = "plays refused by the gateway (kept in journal-rejected): " + refused.getMessage();
                journal.reject(batch);
            } else {
                pause(Duration.ofMillis(500));
            }
        }
    }

    /** The body of a {@code plays} message (docs/device-protocol.md). */
    static ObjectNode plays(List<Play> batch) {
        ArrayNode plays = Json.MAPPER.createArrayNode();
        batch.forEach(play -> plays.add(Json.MAPPER.valueToTree(play)));
        return Json.MAPPER.createObjectNode().set("plays", plays);
    }

    private void beat() throws Exception {
        if (link.connected()) {
            link.request(MessageTypes.HEARTBEAT, heartbeat(), Duration.ofSeconds(10));
        }
        pause(options.heartbeatEvery());
    }

    /** The body of a {@code heartbeat}: the device's health and what the screen shows, not what the manifest plans. */
    ObjectNode heartbeat() {
        var body = Json.MAPPER.createObjectNode().put("sentAt", Instant.now().toString()).put("appVersion", VERSION).put("screenOn", true);
        Health.sample(body, options.dataDir());
        // the fleet view compares what the screen shows with what the manifest plans
        manifest().ifPresent(current -> body.put("manifestVersion", current.version()));
        var showing = player.showing();
        body.put("screen", showing.isEmpty() ? "blank" : showing.get().fallback() ? "fallback" : player.pastManifest() ? "past-manifest" : "playing");
        browser().ifPresent(supervised -> {
            var state = supervised.state();
            var reported = body.putObject("browser").put("state", state.condition()).put("restarts", state.restarts());
            if (state.detail() != null) {
                reported.put("detail", state.detail().length() > 200 ? state.detail().substring(0, 200) : state.detail());
            }
        });
        showing.ifPresent(shown -> {
            var playing = body.putObject("playing").put("contentId", shown.contentId().toString()).put("fromCache", shown.fromCache())
                    .put("since", shown.since().toString()).put("fallback", shown.fallback());
            if (shown.campaignId() != null) {
                playing.put("campaignId", shown.campaignId().toString());
            }
        });
        return body;
    }

    // --- state

    public AgentStatus status() {
        var current = manifest.get();
        var showing = player.showing().orElse(null);
        String state;
        if (credentials.get() == null) {
            state = "pairing";
        } else if (current == null) {
            state = "waiting-for-manifest";
        } else if (player.pastManifest() || !link.connected()) {
            state = "playing-last-good-timeline";
        } else {
            state = "playing";
        }
        return new AgentStatus(credentials().map(Credentials::displayId).orElse(null), state, link.connected(), pairing,
                current == null ? null : current.version(), current == null ? null : current.validUntil(), showing, journal.size(),
                journal.lastSequence(), lastError, kioskPort().map(port -> "http://127.0.0.1:" + port + "/").orElse(null),
                browser().map(BrowserSupervisor::state).orElse(null), actions.reloadAt(), actions.identifying(), Instant.now());
    }

    private void writeState() throws Exception {
        SafeFiles.write(options.dataDir().resolve("state.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(status()));
        pause(Duration.ofSeconds(2));
    }

    @Override
    public void close() {
        stopped.countDown();
        commands.close();
        player.close();
        downloads.close();
        link.close();
        loops.forEach(Thread::interrupt);
        if (browser != null) {
            browser.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
    }
}
