package io.vizora.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Many simulated screens in one process, each a full {@link Agent} with its own data directory
 * (headless). With {@code --demo} a demo operator (created once, its password kept in a 0600 file)
 * claims every screen and publishes a campaign of generated slides on them, so a newcomer sees
 * screens online and playing.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Run a fleet of simulated screens in one process (for demos and load); --demo pairs them and gives them something to play.")
final class Fleet implements Callable<Integer> {

    private static final String TAG = "demo";

    @CommandLine.Mixin
    VizoraAgent.Connection connection;

    @Option(names = "--count", defaultValue = "10", description = "How many screens. Default: ${DEFAULT-VALUE}")
    int count;

    @Option(names = "--data-dir", defaultValue = "vizora-fleet-data", description = "One sub-directory per screen. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--kiosk", description = "Give every screen a kiosk page on a free loopback port (its address is in the screen's state.json).")
    boolean kiosk;

    @Option(names = "--demo", description = "Pair the screens with a demo organisation and publish a demo campaign on them.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 10_000) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--count must be 1..10000, not " + count);
        }
        System.setProperty("java.awt.headless", "true");
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var agents = new java.util.concurrent.CopyOnWriteArrayList<Agent>();
        var stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            agents.forEach(Agent::close);
        }));
        for (int i = 1; i <= count; i++) {
            agents.add(started(connection.options(dataDir.resolve("screen-%05d".formatted(i)), kiosk ? 0 : null), http, agents));
        }
        System.out.println(count + " simulated screens running in " + dataDir.toAbsolutePath());
        if (demo) {
            var operator = demoOperator(http);
            claimAll(agents, operator);
            ensureCampaign(operator);
            System.out.println("Demo screens ready: " + agents.stream().filter(agent -> agent.credentials().isPresent()).count() + " paired");
        }
        stop.await();
        return 0;
    }

    private OperatorApi demoOperator(HttpClient http) throws IOException, InterruptedException {
        var file = SafeFiles.directory(dataDir).resolve("demo-operator.json");
        var api = new OperatorApi(connection.server, http);
        if (!Files.exists(file)) {
            var random = new SecureRandom();
            var email = "demo-" + HexFormat.of().formatHex(random.generateSeed(4)) + "@example.com";
            var password = HexFormat.of().formatHex(random.generateSeed(16));
            api.signUp("Vizora demo", email, password);
            SafeFiles.write(file, Json.MAPPER.writeValueAsBytes(Map.of("email", email, "password", password)));
            System.out.println("Demo operator " + email + " created; its password is in " + file.toAbsolutePath());
        }
        var account = Json.MAPPER.readTree(file.toFile());
        return api.logIn(account.get("email").asString(), account.get("password").asString());
    }

    /** A screen of the fleet; asked to restart, it is closed and a new one started on its data directory in its place. */
    private static Agent started(AgentOptions options, HttpClient http, List<Agent> agents) throws IOException {
        var agent = new Agent(options, http);
        agent.restartWith(() -> Thread.ofVirtual().start(() -> {
            agent.close();
            try {
                agents.set(agents.indexOf(agent), started(options, http, agents));
            } catch (IOException | RuntimeException e) {
                System.err.println("a screen could not start again after a restart command: " + e);
            }
        }));
        return agent.start();
    }

    private static void claimAll(List<Agent> agents, OperatorApi operator) throws IOException, InterruptedException {
        for (int i = 0; i < agents.size(); i++) {
            var agent = agents.get(i);
            var deadline = Instant.now().plusSeconds(60);
            while (agent.credentials().isEmpty() && agent.status().pairingCode() == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            var code = agent.status().pairingCode();
            if (agent.credentials().isEmpty() && code != null) {
                operator.claim(code, "Demo screen %d".formatted(i + 1), "UTC", List.of(TAG));
            }
        }
    }

    private void ensureCampaign(OperatorApi operator) throws IOException, InterruptedException {
        var file = dataDir.resolve("demo-campaign.json");
        if (Files.exists(file)) {
            return;
        }
        var slides = new ArrayList<UUID>();
        var colours = List.of(new Color(0x1f4e79), new Color(0x7a1f5c), new Color(0x2e6b30));
        for (int i = 0; i < colours.size(); i++) {
            slides.add(operator.upload("Demo slide " + (i + 1), slide("Vizora demo slide " + (i + 1), colours.get(i))));
        }
        var playlist = operator.playlist("Demo loop", slides, 5_000);
        var campaign = operator.publishAllDay("Demo campaign", playlist, TAG, 30, 10);
        SafeFiles.write(file, Json.MAPPER.writeValueAsBytes(Map.of("playlistId", playlist, "campaignId", campaign)));
        System.out.println("Demo campaign " + campaign + " published on every screen tagged '" + TAG + "'");
    }

    private static byte[] slide(String text, Color background) throws IOException {
        var image = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(background);
        graphics.fillRect(0, 0, 1280, 720);
        graphics.setColor(Color.WHITE);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        graphics.drawString(text, 120, 380);
        graphics.dispose();
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
