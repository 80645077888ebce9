package io.vizora.benchmarks;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vizora.testsupport.ServiceProcess;
import io.vizora.testsupport.TestJwks;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.util.retry.Retry;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One push gateway (its own process, 1 GiB heap) with simulated agents on the same machine, read
 * against STACK.md's ceiling measured in the same run (a bare Spring WebFlux WebSocket handler, also
 * 1 GiB, that only holds sockets and broadcasts 2 KiB): the memory each connection costs; the
 * time from a campaign's publish (compiled by the running projector) to the last of 1,000 and
 * 10,000 connected agents holding the new manifest, then of further fleet-wide changes once the
 * path is warm (a spot replaced in the playlist, five rounds); the gateway's fan-out alone (a
 * manifest for each of 10,000 displays put straight on the topic, five rounds) beside the bare
 * broadcast; and how many
 * connections one gateway holds, ramped up to what the open-file limit leaves. Bounded by counts
 * and a deadline per step.
 */
public final class GatewayBenchmark {

    private static final List<Integer> FLEETS = List.of(1_000, 10_000);
    private static final int STEP = 2_500;
    // fleet-wide changes measured after the first: a service runs warm in production, and its first such change after a start is also JIT compiling the path
    private static final int ROUNDS = Integer.getInteger("gateway.rounds", 5);
    private static final String PADDING = "x".repeat(2_000);

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    private final ServiceProcess gateway;
    private final AtomicInteger sourceAddress = new AtomicInteger();
    // unpooled (a pool caps sockets at its size), and from 127.0.0.2-5 in turn: one source address runs short of ephemeral ports
    private final HttpClient client = HttpClient.newConnection()
            .bindAddress(() -> new InetSocketAddress("127.0.0." + (2 + sourceAddress.getAndIncrement() % 4), 0));
    private final WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(4 << 20).build();

    private GatewayBenchmark(ServiceProcess gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) {
        // the test key server's dispatcher thread (JDK HttpServer) and the agents' sockets are not daemons and would keep the JVM alive
        try {
            run();
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        var jwks = TestJwks.start();
        var jar = TestStack.repositoryRoot().resolve("services/push-gateway/target/push-gateway.jar");
        // thousands of agents from four addresses: the limit on handshakes per address is not what this measures, run by hand or by make bench
        try (var gateway = ServiceProcess.start(jar, "bench-push-gateway", 0, List.of("-Xmx1g", ServiceProcess.DEPLOYED_LEAK_DETECTION), "--vizora.tokens.jwks-uri=" + jwks,
                "--vizora.web.rate-limit.per-address.capacity=100000000", "--vizora.web.rate-limit.per-user.capacity=100000000").awaitUp()) {
            var benchmark = new GatewayBenchmark(gateway);
            try {
                benchmark.ceiling(10_000);
                Fleet largest = null;
                for (var n : FLEETS) {
                    largest = benchmark.publishToAgents(n);
                }
                benchmark.fanOut(largest);
                largest.agents().close();
                // -Dgateway.part=publish leaves the capacity steps out: the ceiling, the publishes and the fan-out alone
                if (!System.getProperty("gateway.part", "all").equals("publish")) {
                    benchmark.capacity(largest);
                }
            } finally {
                benchmark.producer.close();
            }
        }
    }

    /** Sockets of one kind of agent: which were admitted, and when each received the awaited message. */
    private final class Agents implements AutoCloseable {

        private final String server;
        private final Set<UUID> admitted = ConcurrentHashMap.newKeySet();
        private final Map<UUID, Long> reached = new ConcurrentHashMap<>();
        private final Set<UUID> closed = ConcurrentHashMap.newKeySet();
        private final List<Disposable> sockets = new CopyOnWriteArrayList<>();
        private volatile String awaited = UUID.randomUUID().toString();
        private volatile long sentAt = Long.MAX_VALUE;

        Agents(String server) {
            this.server = server;
        }

        /** From now on, the message to wait for is the one containing {@code marker}. */
        void await(String marker) {
            reached.clear();
            awaited = marker;
            sentAt = System.nanoTime();
        }

        /**
         * Connects one socket. With a device token it is an agent that says hello without a manifest and
         * is admitted once the gateway answers with the current one; without, it is admitted on open.
         */
        Mono<Void> connect(UUID key, String token) {
            var admittedNow = Sinks.<Void>one();
            var headers = token == null ? client : client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token));
            sockets.add(headers.websocket(spec).uri(server).handle((in, out) -> {
                if (token == null) {
                    admitted.add(key);
                    admittedNow.tryEmitEmpty();
                }
                var hello = token == null ? Mono.<String>empty() : Mono.just("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"hello\",\"body\":{}}");
                return out.sendString(hello).then().and(in.receive().asString().doOnNext(text -> {
                    if (text.contains("\"type\":\"manifest\"") && admitted.add(key)) {
                        admittedNow.tryEmitEmpty();
                    }
                    if (text.contains(awaited)) {
                        reached.putIfAbsent(key, System.nanoTime() - sentAt);
                    }
                }).then());
            }).doFinally(signal -> {
                closed.add(key);
                admittedNow.tryEmitError(new IllegalStateException("closed before admission"));
            })
                    .subscribe(done -> { }, admittedNow::tryEmitError));
            return admittedNow.asMono();
        }

        void connectAll(List<UUID> keys, java.util.function.Function<UUID, String> token) {
            Flux.fromIterable(keys).flatMap(key -> Mono.defer(() -> connect(key, token.apply(key))).retryWhen(Retry.fixedDelay(600, Duration.ofMillis(200))), 256)
                    .then().block(BenchFleet.DEADLINE);
        }

        Percentiles awaitAll(int n, String what) throws InterruptedException {
            while (reached.size() < n) {
                try {
                    BenchFleet.deadline(sentAt, what);
                } catch (IllegalStateException late) {
                    // which agents are missing says whose side failed: sockets the gateway closed, or a manifest never sent
                    var missing = new java.util.HashSet<>(admitted);
                    missing.removeAll(reached.keySet());
                    missing.removeIf(closed::contains);
                    throw new IllegalStateException(late.getMessage() + ": " + reached.size() + " of " + n + " reached; " + closed.size()
                            + " sockets closed since they connected; " + missing.size() + " admitted, open and not reached", late);
                }
                Thread.sleep(5);
            }
            return Percentiles.ofNanos(reached.values().stream().mapToLong(Long::longValue).toArray());
        }

        @Override
        public void close() {
            sockets.forEach(Disposable::dispose);
        }
    }

    private record Fleet(BenchFleet events, Agents agents) {
    }

    /** STACK.md's ceiling in this run: memory per socket and a 2 KiB broadcast to n sockets of a bare WebFlux handler. */
    private void ceiling(int n) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var bare = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                BareWebSocket.class.getName(), Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        var http = java.net.http.HttpClient.newHttpClient();
        var count = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/count")).build();
        try {
            var start = System.nanoTime();
            while (true) {
                try {
                    http.send(count, java.net.http.HttpResponse.BodyHandlers.discarding());
                    break;
                } catch (java.io.IOException notYet) {
                    BenchFleet.deadline(start, "the bare WebSocket server's start");
                    Thread.sleep(100);
                }
            }
            var before = footprint(bare.pid());
            try (var agents = new Agents("ws://127.0.0.1:" + port + "/ws")) {
                var keys = java.util.stream.IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
                agents.connectAll(keys, key -> null);
                var after = footprint(bare.pid());
                agents.await("broadcast");
                http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/broadcast")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                var latencies = agents.awaitAll(n, "the bare broadcast");
                System.out.printf("ceiling (bare WebFlux WebSocket): %,d sockets, heap %+.1f KiB and RSS %+.1f KiB per socket; "
                                + "one 2 KiB broadcast: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", n, (after.heap() - before.heap()) / 1024.0 / n,
                        (after.rss() - before.rss()) / 1024.0 / n, latencies.p50(), latencies.p99(), latencies.max());
            }
        } finally {
            bare.destroy();
            bare.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** n agents connected, then their campaign published: how long until each has the new manifest? */
    private Fleet publishToAgents(int n) throws Exception {
        var fleet = BenchFleet.create(producer, n);
        var setup = System.nanoTime();
        while (fleet.compiled() < n || !BenchFleet.nothingDue() || connections() != 0) {
            BenchFleet.deadline(setup, "first manifests of " + n + " displays");
            Thread.sleep(50);
        }
        var before = footprint(gateway.pid());
        var agents = new Agents("ws://127.0.0.1:" + gateway.port() + "/device/v1/socket");
        var connecting = System.nanoTime();
        agents.connectAll(fleet.displays(), display -> TestJwks.device(fleet.tenant(), display, Duration.ofHours(2)));
        var connected = (System.nanoTime() - connecting) / 1e9;
        var after = footprint(gateway.pid());
        System.out.printf("%,d agents connected and admitted in %.1f s (%,.0f/s); gateway heap %+.1f KiB, RSS %+.1f KiB per connection%n",
                n, connected, n / connected, (after.heap() - before.heap()) / 1024.0 / n, (after.rss() - before.rss()) / 1024.0 / n);

        agents.await(fleet.campaign().toString());
        fleet.publish();
        var latencies = agents.awaitAll(n, "publish to " + n + " agents");
        System.out.printf("publish -> new manifest on %,d connected agents: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                n, latencies.p50(), latencies.p99(), latencies.max());
        if (n < FLEETS.getLast()) {
            agents.close();
        } else {
            rounds("a spot replaced in the playlist -> new manifest on " + String.format("%,d", n) + " connected agents", new Fleet(fleet, agents),
                    marker -> fleet.replaceSpot(UUID.fromString(marker)));
        }
        return new Fleet(fleet, agents);
    }

    /**
     * ROUNDS changes one after another, each sent once the last reached every agent and the projector
     * has nothing left to compile; the p99 of each round and their median.
     */
    private void rounds(String what, Fleet fleet, Change change) throws Exception {
        var agents = fleet.agents();
        var p99s = new ArrayList<Double>();
        var p50s = new ArrayList<Double>();
        for (int round = 0; round < ROUNDS; round++) {
            var marker = UUID.randomUUID();
            var settling = System.nanoTime();
            while (!BenchFleet.nothingDue()) {
                BenchFleet.deadline(settling, "the projector's due list");
                Thread.sleep(50);
            }
            agents.await(marker.toString());
            change.send(marker.toString());
            var latencies = agents.awaitAll(fleet.events().displays().size(), what);
            p99s.add(latencies.p99());
            p50s.add(latencies.p50());
        }
        System.out.printf("%s, %d rounds: p99 %s ms (median %.1f ms); p50 %s ms%n", what, ROUNDS, joined(p99s), median(p99s), joined(p50s));
    }

    /** A fleet-wide change whose messages carry the marker. */
    private interface Change {
        void send(String marker) throws Exception;
    }

    private static String joined(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format("%.0f", value)).toList());
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The gateway's part alone: a ~2 KiB manifest for each display put straight on the topic, as the projector publishes. */
    private void fanOut(Fleet fleet) throws Exception {
        var n = fleet.events().displays().size();
        rounds("gateway fan-out alone: " + String.format("%,d", n) + " manifests put on the topic -> on " + String.format("%,d", n) + " agents",
                fleet, marker -> {
                    for (var display : fleet.events().displays()) {
                        var manifest = "{\"displayId\":\"" + display + "\",\"organisationId\":\"" + fleet.events().tenant() + "\",\"version\":"
                                + (Long.MAX_VALUE / 2) + ",\"marker\":\"" + marker + "\",\"slices\":[],\"padding\":\"" + PADDING + "\"}";
                        producer.send(new ProducerRecord<>("vizora.manifests", display.toString(), manifest.getBytes(StandardCharsets.UTF_8)));
                    }
                    producer.flush();
                });
    }

    /** Connections in steps of STEP (agents of the largest fleet, several per display) up to what the open-file limit leaves. */
    private void capacity(Fleet fleet) throws Exception {
        var limit = Math.min(openFileLimit(ProcessHandle.current().pid()), openFileLimit(gateway.pid())) - 1_000;
        var start = System.nanoTime();
        while (connections() != 0) {
            BenchFleet.deadline(start, "closing the earlier agents");
            Thread.sleep(50);
        }
        var before = footprint(gateway.pid());
        var displays = fleet.events().displays();
        var held = 0;
        try (var agents = new Agents("ws://127.0.0.1:" + gateway.port() + "/device/v1/socket")) {
            while (held + STEP <= limit) {
                var step = new ArrayList<UUID>(STEP);
                for (int i = 0; i < STEP; i++) {
                    step.add(displays.get((held + i) % displays.size()));
                }
                agents.admitted.clear();
                agents.connectAll(step, display -> TestJwks.device(fleet.events().tenant(), display, Duration.ofHours(2)));
                held += STEP;
                var now = footprint(gateway.pid());
                // RSS does not shrink after the earlier fleets left, so the live heap is the per-connection figure here
                System.out.printf("capacity: %,d connections held; gateway heap %.0f MiB, RSS %.0f MiB (%.1f KiB heap per connection)%n", connections(),
                        now.heap() / 1048576.0, now.rss() / 1048576.0, (now.heap() - before.heap()) / 1024.0 / held);
            }
        }
        System.out.printf("capacity: stopped at %,d connections, the open-file limit of these processes (%,d) less headroom, not a gateway failure%n",
                held, limit + 1_000);
    }

    private record Footprint(long heap, long rss) {
    }

    /** A process's live heap after a full GC (jcmd), and its resident set. */
    private static Footprint footprint(long pid) throws Exception {
        var jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor(60, TimeUnit.SECONDS);
        var info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        var text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd: " + text);
        }
        var rss = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
        return new Footprint(Long.parseLong(used.group(1)) * 1024, rss);
    }

    private int connections() {
        return (int) gateway.get("/actuator/prometheus").lines().filter(line -> line.startsWith("vizora_gateway_connections"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static int openFileLimit(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream().filter(line -> line.startsWith("Max open files"))
                .map(line -> Integer.parseInt(line.trim().split("\\s+")[3])).findFirst().orElseThrow();
    }
}
