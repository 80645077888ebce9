package io.vizora.benchmarks;

import io.vizora.device.TimeOrderedIds;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.TopicCatalogue;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running projector (bench stack): how many events per second each projection folds, and how
 * long a campaign's publish takes to reach the manifests of 1, 100 and 10,000 displays of a group
 * on the vizora.manifests topic. Events go straight onto the domain topics, as the relay would put
 * them. Bounded by event counts and a deadline per step.
 */
public final class ProjectorBenchmark {

    private static final TopicCatalogue CATALOGUE = TopicCatalogue.load();
    private static final int FOLD_EVENTS = Integer.getInteger("foldEvents", 20_000);
    private static final int REPLAY_EVENTS = Integer.getInteger("replayEvents", 200_000);
    // the usual five minutes, or more for a larger replay (-DreplayEvents=1000000): still a bound, at 2,000 events/s
    private static final Duration REPLAY_DEADLINE = Duration.ofSeconds(Math.max(BenchFleet.DEADLINE.toSeconds(), REPLAY_EVENTS / 2_000));
    private static final List<Integer> FLEETS = List.of(1, 100, 10_000);

    /** A count that tells how far a projection has folded, in the database of the service that folds it. */
    private record Probe(TestStack.Database database, String sql) {
    }

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());

    public static void main(String[] args) throws Exception {
        var benchmark = new ProjectorBenchmark();
        // -Dprojector.part=folds (the folds and the replay) or =manifests runs one part alone, again on a running stack
        var part = System.getProperty("projector.part", "all");
        if (part.equals("all") || part.equals("folds")) {
            // the first run meets services just started (JIT compiling, class caches being recorded); the second, warm ones
            benchmark.folds("first after start");
            benchmark.folds("again, warm");
            benchmark.replay();
        }
        if (part.equals("all") || part.equals("manifests")) {
            for (var displays : FLEETS) {
                benchmark.publishToManifests(displays);
            }
        }
        benchmark.producer.close();
    }

    private void send(UUID tenant, String type, UUID subject, Object data) {
        send(tenant, type, subject, data, (id, partition) -> { });
    }

    /** Sends an event; {@code acknowledged} hears its id and partition, in send order per partition. */
    private void send(UUID tenant, String type, UUID subject, Object data, java.util.function.BiConsumer<UUID, Integer> acknowledged) {
        var id = TimeOrderedIds.next();
        var event = Envelope.json(id, type, tenant, subject.toString(), "user:" + tenant, Instant.now(), data);
        var record = new ProducerRecord<>(CATALOGUE.topicFor(type).name(), subject.toString(), event);
        record.headers().add(Envelope.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8)); // as the relay does
        producer.send(record, (metadata, failed) -> {
            if (failed == null) {
                acknowledged.accept(id, metadata.partition());
            }
        });
    }

    /** Events per second through each projection: renames of 500 groups, folded by state and audit. */
    private void folds(String run) throws Exception {
        var tenant = UUID.randomUUID();
        var groups = java.util.stream.IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();
        var lastOfPartition = new ConcurrentHashMap<Integer, UUID>();
        var start = System.nanoTime();
        for (int i = 0; i < FOLD_EVENTS; i++) {
            var group = groups.get(i % groups.size());
            send(tenant, i < groups.size() ? "vizora.fleet.display_group_created.v1" : "vizora.fleet.display_group_renamed.v1", group,
                    Map.of("groupId", group.toString(), "name", "Group " + i), (id, partition) -> lastOfPartition.put(partition, id));
        }
        producer.flush();
        var lasts = lastOfPartition.values().stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
        var sent = System.nanoTime();
        // read models, not dedup records: the audit keeps none (ADR 0022). Cheap checks, so that
        // polling them loads Postgres little: the state is done when each group has its last name,
        // the audit when each partition's last event has its line
        Map<String, java.util.concurrent.Callable<Boolean>> folded = Map.of(
                "state", () -> BenchFleet.count(TestStack.Database.PROJECTOR, "SELECT count(*) FROM projector.display_group WHERE organisation_id = ? AND substring(name from 7)::int >= "
                        + (FOLD_EVENTS - groups.size()), tenant) == groups.size(),
                "audit", () -> BenchFleet.count(TestStack.Database.PROJECTOR, "SELECT count(*) FROM projector.audit_log WHERE event_id IN (" + lasts + ") AND organisation_id = ?", tenant)
                        == lastOfPartition.size()); // a partition's events fold in order: its last one folded means all of it is
        for (var projection : List.of("state", "audit")) {
            while (!folded.get(projection).call()) {
                BenchFleet.deadline(start, projection + " folding");
                Thread.sleep(50);
            }
            var seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s projection (%s): %,d events folded in %.2f s = %,.0f events/s (all sent after %.2f s)%n",
                    projection, run, FOLD_EVENTS, seconds, FOLD_EVENTS / seconds, (sent - start) / 1e9);
        }
    }

    /**
     * A replay: the projector and partner streams are stopped while events pile up on the topic,
     * then started; each projection's rate from its first fold of them to its last.
     */
    private void replay() throws Exception {
        var tenant = UUID.randomUUID();
        var groups = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> UUID.randomUUID()).toList();
        BenchFleet.stack("down", "projector", "partner-streams");
        var lastOfPartition = new ConcurrentHashMap<Integer, UUID>();
        for (int i = 0; i < REPLAY_EVENTS; i++) {
            var group = groups.get(i % groups.size());
            send(tenant, i < groups.size() ? "vizora.fleet.display_group_created.v1" : "vizora.fleet.display_group_renamed.v1", group,
                    Map.of("groupId", group.toString(), "name", "Group " + i), (id, partition) -> lastOfPartition.put(partition, id));
        }
        producer.flush();
        // probes that cost Postgres next to nothing, so that measuring does not slow what is measured:
        // a partition's events fold in order, so its last one folded means all of it is
        var lasts = lastOfPartition.values().stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
        var counts = new java.util.LinkedHashMap<String, Probe>();
        counts.put("audit projection", new Probe(TestStack.Database.PROJECTOR, "SELECT (SELECT count(*) FROM projector.audit_log WHERE event_id IN (" + lasts + ")) + "
                + "(SELECT count(*) FROM (SELECT 1 FROM projector.audit_log WHERE organisation_id = ? LIMIT 1) AS found)"));
        counts.put("state projection", new Probe(TestStack.Database.PROJECTOR,
                "SELECT count(*) FROM projector.display_group WHERE organisation_id = ? AND name = 'Group " + (REPLAY_EVENTS - 1) + "'"));
        counts.put("partner feed", new Probe(TestStack.Database.PARTNER, "SELECT (SELECT count(*) FROM partner.partner_event WHERE event_id IN (" + lasts + ")) + "
                + "(SELECT count(*) FROM (SELECT 1 FROM partner.partner_event WHERE organisation_id = ? LIMIT 1) AS found)"));
        // each reads 1 once the first event is folded, and 1 + the partitions' count once the last ones are
        var done = 1L + lastOfPartition.size();
        var targets = Map.of("audit projection", done, "state projection", 1L, "partner feed", done);
        var first = new java.util.HashMap<String, Long>();
        var last = new java.util.HashMap<String, Long>();
        var starting = Thread.ofPlatform().start(() -> {
            try {
                BenchFleet.stack("up", "--services");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var start = System.nanoTime();
        while (last.size() < counts.size()) {
            BenchFleet.deadline(start, "replay of " + REPLAY_EVENTS + " events", REPLAY_DEADLINE);
            for (var projection : counts.keySet()) {
                if (last.containsKey(projection)) {
                    continue;
                }
                var probe = counts.get(projection);
                var count = BenchFleet.count(probe.database(), probe.sql(), tenant);
                if (count > 0) {
                    first.putIfAbsent(projection, System.nanoTime());
                }
                if (count >= targets.get(projection)) {
                    last.put(projection, System.nanoTime());
                }
            }
            Thread.sleep(100);
        }
        starting.join();
        // the state's last rename lands at the end of its replay; its start is the audit's, which folds the same events
        first.put("state projection", first.get("audit projection"));
        for (var projection : counts.keySet()) {
            var seconds = (last.get(projection) - first.get(projection)) / 1e9;
            System.out.printf("replay: %s folded %,d events in %.1f s from its first fold = %,.0f events/s%n", projection, REPLAY_EVENTS, seconds,
                    REPLAY_EVENTS / seconds);
        }
    }

    /** A campaign aimed at a group of n displays is published; when does each display's new manifest reach the topic? */
    private void publishToManifests(int n) throws Exception {
        Set<String> displays = ConcurrentHashMap.newKeySet();
        try (var watcher = new ManifestWatcher(displays)) {
            var fleet = BenchFleet.create(producer, n);
            fleet.displays().forEach(display -> displays.add(display.toString()));
            watcher.campaign = fleet.campaign().toString();
            var setup = System.nanoTime();
            var reported = System.nanoTime();
            while (watcher.seen() < n || !BenchFleet.nothingDue()) {
                BenchFleet.deadline(setup, "first manifests of " + n + " displays");
                if (System.nanoTime() - reported > 15_000_000_000L) {
                    reported = System.nanoTime();
                    System.out.printf("  setup of %,d displays: %,d first manifests after %.0f s, %s displays due%n", n, watcher.seen(),
                            (reported - setup) / 1e9, BenchFleet.query("SELECT count(*) FROM projector.manifest_due"));
                }
                Thread.sleep(20);
            }
            var published = System.nanoTime();
            watcher.start(published);
            fleet.publish();
            while (watcher.reached() < n) {
                BenchFleet.deadline(published, "publish to " + n + " manifests");
                Thread.sleep(5);
            }
            var latencies = Percentiles.ofNanos(watcher.latencies());
            System.out.printf("publish -> manifests of %,d displays on the topic: p50 %.1f ms, p99 %.1f ms, last %.1f ms (%,.0f manifests/s)%n",
                    n, latencies.p50(), latencies.p99(), latencies.max(), n / (latencies.max() / 1000));
        }
    }

    /** Follows vizora.manifests from its end: which displays have a manifest, and when each first names the campaign (set once known). */
    private static final class ManifestWatcher implements AutoCloseable {

        private final Set<String> displays;
        private volatile String campaign = "";
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Map<String, Long> reached = new ConcurrentHashMap<>();
        private volatile long publishedAt = Long.MAX_VALUE;
        private volatile boolean running = true;
        private final Thread thread;

        ManifestWatcher(Set<String> displays) {
            this.displays = displays;
            var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers()),
                    new StringDeserializer(), new ByteArrayDeserializer());
            var partitions = consumer.partitionsFor("vizora.manifests").stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = Thread.ofPlatform().start(() -> {
                try (consumer) {
                    while (running) {
                        for (var record : consumer.poll(Duration.ofMillis(50))) {
                            if (record.value() == null) {
                                continue;
                            }
                            // every key: a manifest may arrive before its display is known to the watcher
                            seen.add(record.key());
                            if (!this.displays.contains(record.key())) {
                                continue;
                            }
                            if (System.nanoTime() >= publishedAt && new String(record.value(), StandardCharsets.UTF_8).contains(this.campaign)) {
                                reached.putIfAbsent(record.key(), System.nanoTime() - publishedAt);
                            }
                        }
                    }
                }
            });
        }

        void start(long at) {
            publishedAt = at;
        }

        long seen() {
            return displays.stream().filter(seen::contains).count();
        }

        int reached() {
            return reached.size();
        }

        long[] latencies() {
            return reached.values().stream().mapToLong(Long::longValue).toArray();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
