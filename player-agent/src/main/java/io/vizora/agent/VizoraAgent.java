package io.vizora.agent;

import io.vizora.agent.link.Backoff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The command line: {@code vizora-agent run | status | fleet}. */
@Command(name = "vizora-agent", mixinStandardHelpOptions = true, versionProvider = VizoraAgent.Version.class,
        description = "The Vizora player agent: pairs a screen, follows its schedule offline from a local cache, and reports every play.",
        subcommands = {VizoraAgent.Run.class, VizoraAgent.Status.class, Fleet.class})
public final class VizoraAgent {

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        }
        System.exit(new CommandLine(new VizoraAgent()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vizora-agent " + Agent.VERSION};
        }
    }

    /** What every agent needs to know; shared by {@code run} and {@code fleet}. */
    static final class Connection {

        @Option(names = "--server", defaultValue = "${env:VIZORA_SERVER:-http://127.0.0.1:28080}",
                description = "The command service (pairing, tokens). Default: ${DEFAULT-VALUE}")
        URI server;

        @Option(names = "--gateway", defaultValue = "${env:VIZORA_GATEWAY:-ws://127.0.0.1:28083}",
                description = "The push gateway. Default: ${DEFAULT-VALUE}")
        URI gateway;

        @Option(names = "--console", defaultValue = "${env:VIZORA_CONSOLE:-}",
                description = "The operator console, whose pairing page the pairing screen's QR code opens. Default: the server")
        String console;

        @Option(names = "--heartbeat", defaultValue = "PT15S", description = "How often to send a heartbeat (ISO-8601). Default: ${DEFAULT-VALUE}")
        Duration heartbeat;

        @Option(names = "--report-batch", defaultValue = "200", description = "Most plays per report (1..500). Default: ${DEFAULT-VALUE}")
        int reportBatch;

        @Option(names = "--manifest-check", defaultValue = "PT60S",
                description = "Besides the push, check the gateway for a newer manifest about this often (jittered), and whenever the socket falls silent. Default: ${DEFAULT-VALUE}")
        Duration manifestCheck;

        @Option(names = "--backoff-max", defaultValue = "PT30S", description = "Longest wait between reconnects. Default: ${DEFAULT-VALUE}")
        Duration backoffMax;

        AgentOptions options(Path dataDir, Integer kioskPort) {
            if (manifestCheck.isNegative() || manifestCheck.isZero()) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--manifest-check must be positive, not " + manifestCheck);
            }
            if (reportBatch < 1 || reportBatch > 500) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--report-batch must be 1..500, not " + reportBatch);
            }
            return new AgentOptions(dataDir, server, gateway, console == null || console.isBlank() ? server : URI.create(console), heartbeat, reportBatch,
                    new Backoff(Duration.ofMillis(250), backoffMax), Duration.ofSeconds(2), Duration.ofHours(2), manifestCheck, kioskPort);
        }
    }

    /** EX_TEMPFAIL: the agent ended to be started again. */
    static final int RESTART_STATUS = 75;

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the agent for this screen until stopped: pair if needed (the code is printed and shown on the kiosk page), then play.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Mixin
        Connection connection;

        @Option(names = "--data-dir", defaultValue = "${env:VIZORA_AGENT_DATA:-vizora-agent-data}",
                description = "Where credentials (0600), manifest, cache and play journal live. Default: ${DEFAULT-VALUE}")
        Path dataDir;

        @Option(names = "--kiosk-port", defaultValue = "8765", description = "Serve the current item as a web page on 127.0.0.1 at this port. Default: ${DEFAULT-VALUE}")
        int kioskPort;

        @Option(names = "--no-kiosk", description = "Headless only: no local web page.")
        boolean noKiosk;

        @Option(names = "--browser", description = "A Chromium to show the kiosk page full screen, started again whenever it dies or hangs, "
                + "for example /usr/bin/chromium.")
        Path browser;

        @Option(names = "--browser-headless", description = "Run that browser without a display (a machine with no screen, or tests).")
        boolean browserHeadless;

        @Override
        public Integer call() throws Exception {
            if (browser != null && noKiosk) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--browser shows the kiosk page: it cannot go with --no-kiosk");
            }
            if (browser != null && !Files.isExecutable(browser)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--browser: no executable at " + browser);
            }
            var stop = new CountDownLatch(1);
            var closed = new CountDownLatch(1);
            var restart = new java.util.concurrent.atomic.AtomicBoolean();
            // the JVM ends when its hooks end: this one waits until the agent (and the browser it started) stopped
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            try (var agent = new Agent(connection.options(dataDir, noKiosk ? null : kioskPort), HttpClient.newHttpClient())
                    .restartWith(() -> {
                        restart.set(true);
                        stop.countDown();
                    }).start()) {
                agent.kioskPort().ifPresent(port -> System.out.println("Kiosk page: http://127.0.0.1:" + port + "/"));
                if (browser != null) {
                    agent.superviseBrowser(browser, browserHeadless);
                }
                stop.await();
            } finally {
                closed.countDown();
            }
            // asked to restart (fleet command): ops/agent.sh and the systemd unit start the agent again on this status
            return restart.get() ? RESTART_STATUS : 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Print what the agent in a data directory last said about itself.")
    static final class Status implements Callable<Integer> {

        @Option(names = "--data-dir", defaultValue = "${env:VIZORA_AGENT_DATA:-vizora-agent-data}", description = "Default: ${DEFAULT-VALUE}")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            var state = dataDir.resolve("state.json");
            if (!Files.exists(state)) {
                System.err.println("no agent has run with data directory " + dataDir.toAbsolutePath());
                return 1;
            }
            System.out.println(Files.readString(state));
            return 0;
        }
    }
}
