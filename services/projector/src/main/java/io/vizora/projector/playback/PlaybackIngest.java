package io.vizora.projector.playback;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.schemas.EventContract;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plays from {@value #TOPIC} into ClickHouse, each counted once (guarantee 3; ADR 0015): a poll is
 * one INSERT of its new plays with their Kafka positions, so the rows and the consumer's progress
 * are written together or not at all; Kafka offsets are never committed, each partition resumes
 * after the highest offset stored in ClickHouse. A play already stored (the same play id sent again
 * by an agent that missed its ack, or the same record read again after a crash) is left out before
 * the insert. The consumer group only shares out partitions between projector instances.
 */
public final class PlaybackIngest implements AutoCloseable {

    static final String TOPIC = "vizora.playback";
    private static final Logger log = LoggerFactory.getLogger(PlaybackIngest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BATCH = 2_000;

    private final Map<String, Object> consumerSettings;
    private KafkaConsumer<String, byte[]> consumer;
    private final ClickHouseStore store;
    private final EventContract contract;
    private final DisplayZones zones;
    private volatile boolean running;
    private Thread thread;

    public PlaybackIngest(String bootstrapServers, String group, ClickHouseStore store, EventContract contract, DisplayZones zones) {
        this.store = store;
        this.contract = contract;
        this.zones = zones;
        this.consumerSettings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_BATCH,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    private record PlayAt(JsonNode event, int partition, long offset) {
    }

    /** Starts ingesting (again, after {@link #close()}: it resumes from what ClickHouse stored). */
    public synchronized void start() {
        consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = Thread.ofPlatform().name("playback-ingest").start(this::run);
    }

    private void run() {
        consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // nothing to commit: progress lives in ClickHouse with the rows
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                resume(partitions);
            }
        });
        try (var owned = consumer) {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    ingest(records);
                } catch (RuntimeException e) {
                    log.atWarn().setCause(e).log("a batch of plays was not stored; reading it again from the stored positions");
                    pause();
                    resume(consumer.assignment());
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seeks each partition to just after the highest offset stored in ClickHouse, or to its start. */
    private void resume(Collection<TopicPartition> partitions) {
        Map<Integer, Long> stored = new HashMap<>();
        store.query("SELECT kafka_partition, max(kafka_offset) FROM plays GROUP BY kafka_partition")
                .forEach(row -> stored.put(Integer.parseInt(row.get(0)), Long.parseLong(row.get(1))));
        for (var partition : partitions) {
            var offset = stored.get(partition.partition());
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset + 1);
            }
        }
    }

    private void ingest(ConsumerRecords<String, byte[]> records) {
        var ingestedAt = Instant.now();
        Map<String, PlayAt> plays = new LinkedHashMap<>();
        for (var record : records) {
            var problems = contract.violations(record.value());
            if (!problems.isEmpty()) {
                log.atWarn().addKeyValue("partition", record.partition()).addKeyValue("offset", record.offset())
                        .addKeyValue("problems", problems).log("skipped a record on the playback topic that breaks the contract");
                continue;
            }
            JsonNode event = JSON.readTree(record.value());
            plays.putIfAbsent(event.get("id").asString(), new PlayAt(event, record.partition(), record.offset()));
        }
        var zoneOf = zones.of(plays.values().stream().map(play -> UUID.fromString(play.event().get("data").get("displayId").asString())).collect(Collectors.toSet()));
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        plays.forEach((id, play) -> rows.put(id, PlayRow.of(play.event(), play.partition(), play.offset(), ingestedAt,
                zoneOf.getOrDefault(UUID.fromString(play.event().get("data").get("displayId").asString()), java.time.ZoneOffset.UTC))));
        if (rows.isEmpty()) {
            return;
        }
        rows.keySet().removeAll(stored(rows.values()));
        if (!rows.isEmpty()) {
            store.insertJsonEachRow("plays", rows.values().stream().map(JsonNode::toString).collect(Collectors.joining("\n", "", "\n")));
        }
    }

    /** Which of these plays ClickHouse already has. */
    private List<String> stored(Collection<ObjectNode> rows) {
        var tenants = rows.stream().map(row -> quoted(row.get("tenant_id").asString())).distinct().collect(Collectors.joining(","));
        var ids = rows.stream().map(row -> quoted(row.get("play_id").asString())).collect(Collectors.joining(","));
        return store.query("SELECT play_id FROM plays WHERE tenant_id IN (" + tenants + ") AND play_id IN (" + ids + ")").stream()
                .map(List::getFirst).toList();
    }

    /** Ids reached here through the contract (format uuid), so quoting cannot be escaped; the check keeps it so. */
    private static String quoted(String uuid) {
        if (!uuid.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not an id: " + uuid);
        }
        return "'" + uuid + "'";
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            consumer.wakeup();
            thread.join(Duration.ofSeconds(10));
            thread = null;
        }
    }
}
