package io.vizora.benchmarks;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vizora.testsupport.ServiceProcess;
import io.vizora.testsupport.TestJwks;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

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

/**
 * One push gateway (its own process, 1 GiB heap) with simulated agents on the same machine: the
 * memory each connection costs, the time from a campaign's publish (an event on the scheduling
 * topic, compiled by the running projector) to the last of 1,000 and 10,000 connected agents
 * holding the new manifest, and how many connections one gateway holds, ramped in steps up to
 * what this machine's open-file limit leaves. Bounded by counts and a deadline per step.
 */
public final class GatewayBenchmark {

    private static final List<Integer> FLEETS = List.of(1_000, 10_000);
    private static final int STEP = 2_500;

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    private final ServiceProcess gateway;
    private final HttpClient client = HttpClient.newConnection(); // unpooled: a pool would cap sockets at its size
    private final WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(4 << 20).build();

    private GatewayBenchmark(ServiceProcess gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        var jwks = TestJwks.start();
        var jar = TestStack.repositoryRoot().resolve("services/push-gateway/target/push-gateway.jar");
        try (var gateway = ServiceProcess.start(jar, "bench-push-gateway", 0, List.of("-Xmx1g"), "--vizora.tokens.jwks-uri=" + jwks).awaitUp()) {
            var benchmark = new GatewayBenchmark(gateway);
            try {
                Fleet largest = null;
                for (var n : FLEETS) {
                    largest = benchmark.publishToAgents(n);
                }
                benchmark.capacity(largest);
            } finally {
                benchmark.producer.close();
            }
        }
    }

    /** Agents of a fleet: their sockets, which were admitted, and when each had the campaign's manifest. */
    private final class Agents implements AutoCloseable {

        private final String campaign;
        private final Set<UUID> admitted = ConcurrentHashMap.newKeySet();
        private final Map<UUID, Long> reached = new ConcurrentHashMap<>();
        private final List<Disposable> sockets = new CopyOnWriteArrayList<>();
        private volatile long publishedAt = Long.MAX_VALUE;

        Agents(String campaign) {
            this.campaign = campaign;
        }

        /** Connects one agent that says hello without a manifest, so the gateway answers with the current one. */
        Mono<Void> connect(UUID tenant, UUID display) {
            var hello = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"hello\",\"body\":{}}";
            var token = TestJwks.device(tenant, display, Duration.ofHours(2));
            var admittedNow = reactor.core.publisher.Sinks.<Void>one();
            sockets.add(client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
                    .websocket(spec).uri("ws://127.0.0.1:" + gateway.port() + "/device/v1/socket")
                    .handle((in, out) -> out.sendString(Mono.just(hello)).then().and(in.receive().asString().doOnNext(text -> {
                        if (text.contains("\"type\":\"manifest\"")) {
                            admitted.add(display);
                            admittedNow.tryEmitEmpty();
                            if (System.nanoTime() >= publishedAt && text.contains(campaign)) {
                                reached.putIfAbsent(display, System.nanoTime() - publishedAt);
                            }
                        }
                    }).then()).doFinally(signal -> admittedNow.tryEmitError(new IllegalStateException("closed before admission"))))
                    .subscribe(done -> { }, failure -> admittedNow.tryEmitError(failure)));
            return admittedNow.asMono();
        }

        void connectAll(UUID tenant, List<UUID> displays) {
            Flux.fromIterable(displays).flatMap(display -> Mono.defer(() -> connect(tenant, display)).retryWhen(reactor.util.retry.Retry.fixedDelay(600, Duration.ofMillis(200))), 256)
                    .then().block(BenchFleet.DEADLINE);
        }

        @Override
        public void close() {
            sockets.forEach(Disposable::dispose);
        }
    }

    private record Fleet(BenchFleet events, Agents agents) {
    }

    /** n agents connected, then their campaign published: how long until each has the new manifest? */
    private Fleet publishToAgents(int n) throws Exception {
        var fleet = BenchFleet.create(producer, n);
        var setup = System.nanoTime();
        while (fleet.compiled() < n || !BenchFleet.nothingDue() || connections() != 0) {
            BenchFleet.deadline(setup, "first manifests of " + n + " displays");
            Thread.sleep(50);
        }
        var before = footprint();
        var agents = new Agents(fleet.campaign().toString());
        var connecting = System.nanoTime();
        agents.connectAll(fleet.tenant(), fleet.displays());
        var connected = (System.nanoTime() - connecting) / 1e9;
        var after = footprint();
        System.out.printf("%,d agents connected and admitted in %.1f s (%,.0f/s); gateway heap %+.1f KiB, RSS %+.1f KiB per connection%n",
                n, connected, n / connected, (after.heap() - before.heap()) / 1024.0 / n, (after.rss() - before.rss()) / 1024.0 / n);

        agents.publishedAt = System.nanoTime();
        fleet.publish();
        while (agents.reached.size() < n) {
            BenchFleet.deadline(agents.publishedAt, "publish to " + n + " agents");
            Thread.sleep(5);
        }
        var latencies = Percentiles.ofNanos(agents.reached.values().stream().mapToLong(Long::longValue).toArray());
        System.out.printf("publish -> new manifest on %,d connected agents: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                n, latencies.p50(), latencies.p99(), latencies.max());
        agents.close();
        return new Fleet(fleet, agents);
    }

    /** Connections in steps of STEP (agents of the largest fleet, several per display) up to what the open-file limit leaves. */
    private void capacity(Fleet fleet) throws Exception {
        var limit = Math.min(openFileLimit(ProcessHandle.current().pid()), openFileLimit(gateway.pid())) - 1_000;
        var start = System.nanoTime();
        while (connections() != 0) {
            BenchFleet.deadline(start, "closing the earlier agents");
            Thread.sleep(50);
        }
        var before = footprint();
        var agents = new Agents(fleet.events().campaign().toString());
        var displays = fleet.events().displays();
        var held = 0;
        try (agents) {
            while (held + STEP <= limit) {
                var step = new ArrayList<UUID>(STEP);
                for (int i = 0; i < STEP; i++) {
                    step.add(displays.get((held + i) % displays.size()));
                }
                agents.admitted.clear();
                agents.connectAll(fleet.events().tenant(), step);
                held += STEP;
                var now = footprint();
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

    /** The gateway's live heap after a full GC, and its resident set. */
    private Footprint footprint() throws Exception {
        var jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(gateway.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        var heap = (long) metric("jvm_memory_used_bytes{area=\"heap\"");
        var rss = Files.readAllLines(Path.of("/proc", Long.toString(gateway.pid()), "status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
        return new Footprint(heap, rss);
    }

    private int connections() {
        return (int) metric("vizora_gateway_connections");
    }

    /** The sum of the Prometheus samples whose line starts with {@code prefix}. */
    private double metric(String prefix) {
        return gateway.get("/actuator/prometheus").lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static int openFileLimit(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream().filter(line -> line.startsWith("Max open files"))
                .map(line -> Integer.parseInt(line.trim().split("\\s+")[3])).findFirst().orElseThrow();
    }
}
