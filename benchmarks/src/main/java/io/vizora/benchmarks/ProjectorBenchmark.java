package io.vizora.benchmarks;

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
import java.sql.SQLException;
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
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final int FOLD_EVENTS = Integer.getInteger("foldEvents", 20_000);
    private static final List<Integer> FLEETS = List.of(1, 100, 10_000);

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());

    public static void main(String[] args) throws Exception {
        var benchmark = new ProjectorBenchmark();
        benchmark.folds();
        for (var displays : FLEETS) {
            benchmark.publishToManifests(displays);
        }
        benchmark.producer.close();
    }

    private void send(UUID tenant, String type, UUID subject, Object data) {
        var event = Envelope.json(UUID.randomUUID(), type, tenant, subject.toString(), "user:" + tenant, Instant.now(), data);
        producer.send(new ProducerRecord<>(CATALOGUE.topicFor(type).name(), subject.toString(), event));
    }

    /** Events per second through each projection: renames of 500 groups, folded by state and audit. */
    private void folds() throws Exception {
        var tenant = UUID.randomUUID();
        var groups = java.util.stream.IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();
        var generation = query("SELECT name FROM projector.generation");
        var before = Map.of("state", processed(generation + "-state"), "audit", processed(generation + "-audit"));
        var start = System.nanoTime();
        for (int i = 0; i < FOLD_EVENTS; i++) {
            var group = groups.get(i % groups.size());
            send(tenant, i < groups.size() ? "vizora.fleet.display_group_created.v1" : "vizora.fleet.display_group_renamed.v1", group,
                    Map.of("groupId", group.toString(), "name", "Group " + i));
        }
        producer.flush();
        var sent = System.nanoTime();
        for (var projection : List.of("state", "audit")) {
            var target = before.get(projection) + FOLD_EVENTS;
            while (processed(generation + "-" + projection) < target) {
                deadline(start, projection + " folding");
                Thread.sleep(20);
            }
            var seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s projection: %,d events folded in %.2f s = %,.0f events/s (all sent after %.2f s)%n",
                    projection, FOLD_EVENTS, seconds, FOLD_EVENTS / seconds, (sent - start) / 1e9);
        }
    }

    /** A campaign aimed at a group of n displays is published; when does each display's new manifest reach the topic? */
    private void publishToManifests(int n) throws Exception {
        var tenant = UUID.randomUUID();
        var group = UUID.randomUUID();
        var displays = java.util.stream.IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
        var content = UUID.randomUUID();
        var playlist = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        try (var watcher = new ManifestWatcher(Set.copyOf(displays.stream().map(UUID::toString).toList()), campaign.toString())) {
            send(tenant, "vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", "Fleet"));
            for (var display : displays) {
                send(tenant, "vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Screen",
                        "timeZone", "Europe/Berlin", "groupIds", List.of(group.toString()), "tags", List.of()));
            }
            send(tenant, "vizora.content.content_uploaded.v1", content, Map.of("contentId", content.toString(), "name", "Spot",
                    "kind", "image", "mediaType", "image/png", "sizeBytes", 100, "sha256", "d".repeat(64),
                    "objectKey", "tenants/" + tenant + "/content/" + content + "/original"));
            send(tenant, "vizora.scheduling.playlist_created.v1", playlist, Map.of("playlistId", playlist.toString(), "name", "Loop",
                    "items", List.of(Map.of("contentId", content.toString(), "durationMs", 10_000))));
            send(tenant, "vizora.scheduling.campaign_created.v1", campaign, Map.of("campaignId", campaign.toString(), "name", "Launch",
                    "playlistId", playlist.toString(), "targets", Map.of("displayIds", List.of(), "groupIds", List.of(group.toString()), "tags", List.of()),
                    "startDate", LocalDate.now().minusDays(1).toString(), "endDate", LocalDate.now().plusDays(30).toString(),
                    "dayparts", List.of(Map.of("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                            "start", "00:00", "end", "00:00")), "priority", 10, "kind", "normal"));
            producer.flush();
            var setup = System.nanoTime();
            while (watcher.seen() < n || !query("SELECT count(*) FROM projector.manifest_due").equals("0")) {
                deadline(setup, "first manifests of " + n + " displays");
                Thread.sleep(20);
            }
            var published = System.nanoTime();
            watcher.start(published);
            send(tenant, "vizora.scheduling.campaign_published.v1", campaign, Map.of("campaignId", campaign.toString()));
            producer.flush();
            while (watcher.reached() < n) {
                deadline(published, "publish to " + n + " manifests");
                Thread.sleep(5);
            }
            var latencies = Percentiles.ofNanos(watcher.latencies());
            System.out.printf("publish -> manifests of %,d displays on the topic: p50 %.1f ms, p99 %.1f ms, last %.1f ms (%,.0f manifests/s)%n",
                    n, latencies.p50(), latencies.p99(), latencies.max(), n / (latencies.max() / 1000));
        }
    }

    /** Follows vizora.manifests from its end: which displays have a manifest, and when each first names the campaign. */
    private static final class ManifestWatcher implements AutoCloseable {

        private final Set<String> displays;
        private final String campaign;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Map<String, Long> reached = new ConcurrentHashMap<>();
        private volatile long publishedAt = Long.MAX_VALUE;
        private volatile boolean running = true;
        private final Thread thread;

        ManifestWatcher(Set<String> displays, String campaign) {
            this.displays = displays;
            this.campaign = campaign;
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
                            if (record.value() == null || !this.displays.contains(record.key())) {
                                continue;
                            }
                            seen.add(record.key());
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

        int seen() {
            return seen.size();
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

    private static long processed(String consumer) throws SQLException {
        try (var connection = TestStack.jdbc(); var statement = connection.prepareStatement("SELECT count(*) FROM projector.processed_event WHERE consumer = ?")) {
            statement.setString(1, consumer);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String query(String sql) throws SQLException {
        try (var connection = TestStack.jdbc(); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void deadline(long startNanos, String what) {
        if (System.nanoTime() - startNanos > DEADLINE.toNanos()) {
            throw new IllegalStateException(what + " did not finish within " + DEADLINE);
        }
    }
}
