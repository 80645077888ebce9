package io.vizora.benchmarks;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vizora.device.TimeOrderedIds;
import io.vizora.testsupport.ServiceProcess;
import io.vizora.testsupport.TestJwks;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Analytics on the running stack ('bench' instance, every service up, partner streams included):
 * plays per second from simulated agents (one push gateway process of its own, batches of 500
 * acknowledged after Kafka, as real agents send them) through Kafka and the projector into
 * ClickHouse; then 10 million plays of one organisation (30 days, 40 displays) generated straight
 * into ClickHouse, and the stats API's latency over them (p50/p95) beside the same rollup query
 * sent to ClickHouse directly (the ceiling) and the same question asked of the raw plays; and the
 * ingest's check of a batch against those plays, with random and with time-ordered play ids.
 */
public final class AnalyticsBenchmark {

    private static final int AGENTS = 100;
    private static final int BATCHES = 4;
    private static final int BATCH = 500;
    private static final long GENERATED = 10_000_000;
    private static final int DISPLAYS = 40;
    private static final int RUNS = 40;
    /** Rounds of plays, each from all agents; the first meets a gateway just started, still compiling its hot paths. */
    private static final int ROUNDS = Integer.getInteger("analytics.rounds", 3);
    /** The processes of the stack a play passes through, or that store it, besides the gateway. */
    /** How often the benchmark asks whether the plays have arrived: often enough for a run of seconds, rare enough to cost nothing. */
    private static final long POLL = 50;
    private static final List<String> STAGES = List.of("projector", "partner-streams", "postgres", "clickhouse", "kafka");
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        // -Danalytics.part=plays, =queries or =inserts runs one part alone, again on a running stack
        var part = System.getProperty("analytics.part", "all");
        if (part.equals("all") || part.equals("plays")) {
            var jwks = TestJwks.start();
            var jar = TestStack.repositoryRoot().resolve("services/push-gateway/target/push-gateway.jar");
            try (var gateway = ServiceProcess.start(jar, "bench-analytics-gateway", 0, List.of("-Xmx1g", ServiceProcess.DEPLOYED_LEAK_DETECTION), "--vizora.tokens.jwks-uri=" + jwks).awaitUp()) {
                playsEndToEnd(gateway);
            }
        }
        if (part.equals("all") || part.equals("inserts")) {
            insertCostByBatchSize();
        }
        if (part.equals("all") || part.equals("queries")) {
            queriesOverTenMillionPlays();
        }
        // the test key server's dispatcher thread (JDK HttpServer) is not a daemon and would keep the JVM alive
        System.exit(0);
    }

    private static void playsEndToEnd(ServiceProcess gateway) throws Exception {
        // the gateway admits paired displays only (those with a manifest): a fleet of AGENTS, compiled by the running projector
        BenchFleet fleet;
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            fleet = BenchFleet.create(producer, AGENTS);
            fleet.publish();
            var setup = System.nanoTime();
            while (fleet.compiled() < AGENTS || !BenchFleet.nothingDue()) {
                BenchFleet.deadline(setup, "manifests of " + AGENTS + " displays");
                Thread.sleep(50);
            }
        }
        var socket = "ws://127.0.0.1:" + gateway.port() + "/device/v1/socket";
        var client = HttpClient.newConnection();
        var perRound = AGENTS * BATCHES * BATCH;
        for (int round = 0; round < ROUNDS; round++) {
            // built before the clock starts: the agents' JSON is a screen's work, not the stack's, and shares its cores here
            var reports = new java.util.LinkedHashMap<UUID, List<String>>();
            for (var display : fleet.displays()) {
                var first = round * BATCHES;
                reports.put(display, java.util.stream.IntStream.range(first, first + BATCHES).mapToObj(batch -> batch(display, batch)).toList());
            }
            var cpu = new java.util.LinkedHashMap<String, Double>();
            cpu.put("gateway", BenchFleet.cpuSeconds(ProcessHandle.of(gateway.pid()).orElseThrow()));
            for (var component : STAGES) {
                cpu.put(component, BenchFleet.cpuSeconds(component));
            }
            var agents = BenchFleet.cpuSeconds(ProcessHandle.current());
            var walsender = BenchFleet.walsenderCpuSeconds();
            var started = System.nanoTime();
            Flux.fromIterable(reports.entrySet()).flatMap(each -> agent(client, socket, fleet.tenant(), each.getKey(), each.getValue()), AGENTS)
                    .then().block(BenchFleet.DEADLINE);
            var ackedAt = System.nanoTime();
            var stored = (round + 1L) * perRound;
            while (Long.parseLong(clickhouse("SELECT count() FROM plays WHERE tenant_id = '" + fleet.tenant() + "'")) < stored) {
                BenchFleet.deadline(started, stored + " plays into ClickHouse");
                Thread.sleep(POLL);
            }
            var storedAt = System.nanoTime();
            // the feed's head is its last position: counting its rows instead cost Postgres more than the appends it waited for
            while (BenchFleet.count(TestStack.Database.PARTNER, "SELECT coalesce(max(position), 0) FROM partner.partner_feed_head WHERE organisation_id = ?", fleet.tenant()) < stored) {
                BenchFleet.deadline(started, stored + " plays in the partner feed");
                Thread.sleep(POLL);
            }
            var fedAt = System.nanoTime();
            agents = BenchFleet.cpuSeconds(ProcessHandle.current()) - agents;
            walsender = BenchFleet.walsenderCpuSeconds() - walsender;
            cpu.put("gateway", BenchFleet.cpuSeconds(ProcessHandle.of(gateway.pid()).orElseThrow()) - cpu.get("gateway"));
            for (var component : STAGES) {
                cpu.put(component, BenchFleet.cpuSeconds(component) - cpu.get(component));
            }
            var perThousand = new StringBuilder();
            cpu.forEach((component, seconds) -> perThousand.append(String.format(", %s %.0f", component, seconds * 1e6 / perRound)));
            System.out.printf("plays end to end, round %d of %d%s: %,d plays from %d agents (batches of %d, each acked after Kafka): all acked in %.1f s"
                            + " (%,.0f plays/s); all in ClickHouse after %.1f s: %,.0f plays/s end to end; all in the partner feed after %.1f s;"
                            + " CPU per 1,000 plays until then: the stack %.0f ms (%s; of Postgres's, the relay's walsender %.0f), the agents %.0f ms%n",
                    round + 1, ROUNDS, round == 0 ? " (the gateway just started)" : "", perRound, AGENTS, BATCH, (ackedAt - started) / 1e9,
                    perRound / ((ackedAt - started) / 1e9), (storedAt - started) / 1e9, perRound / ((storedAt - started) / 1e9),
                    (fedAt - started) / 1e9, cpu.values().stream().mapToDouble(Double::doubleValue).sum() * 1e6 / perRound,
                    perThousand.substring(2), walsender * 1e6 / perRound, agents * 1e6 / perRound);
        }
    }

    /** One agent: hello, then its batches one after another, each sent when the previous one was acknowledged. */
    private static Mono<Void> agent(HttpClient client, String socket, UUID tenant, UUID display, List<String> reports) {
        var token = TestJwks.device(tenant, display, Duration.ofHours(1));
        return client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)).websocket().uri(socket)
                .handle((in, out) -> {
                    var answers = new LinkedBlockingQueue<String>();
                    in.receive().asString().filter(text -> text.contains("\"type\":\"ack\"") || text.contains("\"type\":\"error\""))
                            .subscribe(answers::add);
                    var hello = out.sendString(Mono.just("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"hello\",\"body\":{}}")).then();
                    var batches = Flux.fromIterable(reports).concatMap(report -> out.sendString(Mono.just(report)).then()
                            .then(Mono.fromCallable(() -> answers.poll(2, TimeUnit.MINUTES)).subscribeOn(Schedulers.boundedElastic()))
                            .switchIfEmpty(Mono.error(new IllegalStateException("no ack within 2 minutes")))
                            .flatMap(answer -> answer.contains("\"type\":\"ack\"") ? Mono.just(answer)
                                    : Mono.error(new IllegalStateException("the gateway refused a batch: " + answer))));
                    return hello.thenMany(batches).then();
                }).then()
                .onErrorResume(e -> Mono.error(new IllegalStateException("agent " + display + " failed", e)))
                .then();
    }

    private static String batch(UUID display, int batch) {
        var plays = new ArrayList<Map<String, Object>>(BATCH);
        var start = Instant.parse("2026-11-25T00:00:00Z");
        for (int i = 0; i < BATCH; i++) {
            var sequence = (long) batch * BATCH + i + 1;
            plays.add(Map.of("playId", TimeOrderedIds.next().toString(), "sequence", sequence, "contentId", new UUID(0, sequence % 12).toString(),
                    "startedAt", start.plusSeconds(sequence * 10).toString(), "durationMs", 10_000, "outcome", "completed", "fromCache", true));
        }
        return JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "type", "plays", "body", Map.of("plays", plays)));
    }

    /**
     * What an insert costs ClickHouse by its size: 200,000 plays of a new organisation stored as the
     * ingest stores them (its check of the batch's ids, then one JSONEachRow insert), in batches of
     * 100, 500 and 2,000, one batch after another; ClickHouse's own CPU time over the inserts and the
     * 15 s of merges after them, per 1,000 plays.
     */
    private static void insertCostByBatchSize() throws Exception {
        var server = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains("clickhouse-server")
                        && process.info().commandLine().orElse("").contains("/.vizora/" + System.getenv("VIZORA_INSTANCE") + "/"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no ClickHouse server of this instance"));
        var total = 200_000;
        System.out.println();
        for (var batch : List.of(100, 500, 2_000)) {
            var tenant = UUID.randomUUID().toString();
            var cpuBefore = server.info().totalCpuDuration().orElseThrow();
            var started = System.nanoTime();
            for (int sent = 0; sent < total; sent += batch) {
                var ids = new ArrayList<String>(batch);
                var rows = new StringBuilder();
                for (int i = 0; i < batch; i++) {
                    var sequence = sent + i + 1;
                    var id = TimeOrderedIds.next().toString();
                    ids.add("'" + id + "'");
                    rows.append(JSON.writeValueAsString(Map.ofEntries(Map.entry("tenant_id", tenant), Map.entry("play_id", id),
                            Map.entry("display_id", new UUID(1, sequence % 100).toString()), Map.entry("sequence", sequence),
                            Map.entry("content_id", new UUID(0, sequence % 12).toString()), Map.entry("started_at", "2026-11-25 10:00:00"),
                            Map.entry("local_date", "2026-11-25"), Map.entry("local_hour", 10), Map.entry("duration_ms", 10_000),
                            Map.entry("outcome", "completed"), Map.entry("from_cache", 1), Map.entry("kafka_offset", sequence)))).append('\n');
                }
                clickhouse("SELECT play_id FROM plays WHERE tenant_id IN ('" + tenant + "') AND play_id IN (" + String.join(",", ids) + ")");
                clickhouse("INSERT INTO plays FORMAT JSONEachRow", rows.toString());
            }
            var seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(15_000);
            var cpu = server.info().totalCpuDuration().orElseThrow().minus(cpuBefore);
            System.out.printf("inserts of %,d plays: %,d plays in %.1f s (%,.0f plays/s, one batch at a time); ClickHouse CPU %.1f s with the merges after:"
                    + " %.0f ms per 1,000 plays%n", batch, total, seconds, total / seconds, cpu.toMillis() / 1e3, cpu.toMillis() / (total / 1_000.0));
        }
    }

    private static void queriesOverTenMillionPlays() throws Exception {
        var token = operatorToken();
        var tenant = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("org").asString();
        var generating = System.nanoTime();
        // 40 displays, each a play every 10 s for 29 days, six contents in turn; one play in 997 failed
        clickhouse("INSERT INTO plays SELECT '" + tenant + "', toString(generateUUIDv4()), toString(number % " + DISPLAYS + "),"
                + " intDiv(number, " + DISPLAYS + ") + 1, toString((number % " + DISPLAYS + ") * 7 % 200 + intDiv(number, " + DISPLAYS + ") % 6),"
                + " toString(((number % " + DISPLAYS + ") * 7 % 200 + intDiv(number, " + DISPLAYS + ") % 6) % 25),"
                + " toDateTime('2026-10-01 00:00:00') + intDiv(number, " + DISPLAYS + ") * 10 AS started, 0, started, 0,"
                + " toDate(started), toHour(started), if(number % 997 = 0, 0, 10000), if(number % 997 = 0, 'failed', 'completed'), 1,"
                + " if(number % 997 = 0, 'download', ''), '', 65535, 0, now() FROM system.numbers LIMIT " + GENERATED);
        System.out.printf("%n%,d plays generated into ClickHouse (and its hourly rollup) in %.1f s; rollup rows: %s%n", GENERATED,
                (System.nanoTime() - generating) / 1e9, clickhouse("SELECT count() FROM plays_hourly WHERE tenant_id = '" + tenant + "'"));

        batchCheckAgainstHistory(tenant);

        var projector = "http://127.0.0.1:" + System.getenv().getOrDefault("PROJECTOR_PORT", "28382");
        var range = "from=2026-10-01&to=2026-10-30";
        for (var by : List.of("content", "day", "hour", "display")) {
            var api = measure(() -> get(projector + "/api/v1/stats/plays?" + range + "&by=" + by, token));
            var key = Map.of("content", "content_id", "day", "toString(local_date)", "hour", "toString(local_hour)", "display", "display_id").get(by);
            var where = " WHERE tenant_id = '" + tenant + "' AND local_date >= '2026-10-01' AND local_date <= '2026-10-30'";
            var ceiling = measure(() -> clickhouse("SELECT " + key + " AS key, sum(plays), sum(failed), sum(play_time_ms) FROM plays_hourly"
                    + where + " GROUP BY key ORDER BY key"));
            System.out.printf("stats by %-7s over 30 days (%,d plays): API p50 %.1f ms, p95 %.1f ms; rollup query on ClickHouse alone p50 %.1f ms, p95 %.1f ms%n",
                    by, GENERATED, api[0], api[1], ceiling[0], ceiling[1]);
        }
        var raw = measure(() -> clickhouse("SELECT content_id, countIf(outcome != 'failed'), countIf(outcome = 'failed'), sum(duration_ms)"
                + " FROM plays FINAL WHERE tenant_id = '" + tenant + "' AND local_date >= '2026-10-01' AND local_date <= '2026-10-30'"
                + " GROUP BY content_id"), 5);
        System.out.printf("the same by content from the raw plays (FINAL, no rollup): p50 %.1f ms, p95 %.1f ms (5 runs)%n", raw[0], raw[1]);
    }

    /**
     * The ingest checks each batch against the plays stored (ExactlyOnceIngest): the same query for
     * a batch of 500 new ids against this tenant's 10 M plays, once with random ids (what agents
     * sent before ADR 0030), once with time-ordered ones (TimeOrderedIds), beside a query that reads nothing.
     */
    private static void batchCheckAgainstHistory(String tenant) throws Exception {
        java.util.function.Function<java.util.function.Supplier<UUID>, String> check = ids -> "SELECT play_id FROM plays WHERE tenant_id IN ('" + tenant
                + "') AND play_id IN (" + java.util.stream.Stream.generate(ids).limit(BATCH).map(id -> "'" + id + "'")
                .collect(java.util.stream.Collectors.joining(",")) + ")";
        var random = measure(() -> clickhouse(check.apply(UUID::randomUUID)), 10);
        var timeOrdered = measure(() -> clickhouse(check.apply(TimeOrderedIds::next)), 10);
        var nothing = measure(() -> clickhouse("SELECT 1"), 10);
        System.out.printf("the ingest's check of a batch of %d against the %,d plays stored: random ids p50 %.1f ms, p95 %.1f ms;"
                        + " time-ordered ids p50 %.1f ms, p95 %.1f ms; ceiling, a query reading nothing: p50 %.1f ms%n",
                BATCH, GENERATED, random[0], random[1], timeOrdered[0], timeOrdered[1], nothing[0]);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double[] measure(Call call) throws Exception {
        return measure(call, RUNS);
    }

    /** p50 and p95 in ms after a few warm-up calls. */
    private static double[] measure(Call call, int runs) throws Exception {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        var nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            var start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return new double[] {nanos[(int) Math.ceil(0.5 * runs) - 1] / 1e6, nanos[(int) Math.ceil(0.95 * runs) - 1] / 1e6};
    }

    private static String operatorToken() throws Exception {
        var email = "analyst-" + UUID.randomUUID() + "@bench.example.com";
        var password = UUID.randomUUID().toString();
        var command = "http://127.0.0.1:" + System.getenv().getOrDefault("COMMAND_SERVICE_PORT", "28380");
        post(command + "/api/v1/organisations", Map.of("organisationName", "Bench analytics", "ownerEmail", email, "ownerName", "Analyst",
                "password", password));
        return JSON.readTree(post(command + "/api/v1/auth/login", Map.of("email", email, "password", password))).path("accessToken").asString();
    }

    private static String post(String url, Map<String, Object> body) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String get(String url, String token) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** One statement over ClickHouse's HTTP interface, as the stack's 'vizora' user. */
    static String clickhouse(String sql) throws Exception {
        return clickhouse(null, sql);
    }

    /** A statement given in the URL with its data as the body (an insert's rows), or one statement as the body. */
    private static String clickhouse(String statement, String body) throws Exception {
        var url = System.getenv("VIZORA_CLICKHOUSE_URL") + "/?database=" + URLEncoder.encode(System.getenv("VIZORA_CLICKHOUSE_DATABASE"), StandardCharsets.UTF_8)
                + (statement == null ? "" : "&query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
        var credentials = Base64.getEncoder().encodeToString((System.getenv("VIZORA_CLICKHOUSE_USER") + ":"
                + System.getenv("VIZORA_CLICKHOUSE_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ClickHouse answered " + response.statusCode() + ": " + response.body().lines().findFirst().orElse(""));
        }
        return response.body().strip();
    }
}
