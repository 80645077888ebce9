package io.vizora.projector.analytics;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.projector.manifest.ManifestPublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every compiled manifest's slices into ClickHouse as they are published, for planned vs actual.
 * At least once (offsets committed after the insert); a manifest stored twice collapses by its key.
 */
public final class PlannedSlices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlannedSlices.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final ClickHouseStore store;
    private volatile boolean running;
    private Thread thread;

    public PlannedSlices(String bootstrapServers, String group, ClickHouseStore store) {
        this.store = store;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("planned-slices").start(this::run);
    }

    private void run() {
        try (consumer) {
            consumer.subscribe(List.of(ManifestPublisher.TOPIC));
            while (running) {
                try {
                    var records = consumer.poll(Duration.ofSeconds(1));
                    var rows = new ArrayList<ObjectNode>();
                    var now = Instant.now().getEpochSecond();
                    records.forEach(record -> rows.addAll(rows(record, now)));
                    if (!rows.isEmpty()) {
                        store.insertJsonEachRow("planned_slices", rows.stream().map(JsonNode::toString).collect(Collectors.joining("\n", "", "\n")));
                    }
                    consumer.commitSync();
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    // not committed: the same records are read again once ClickHouse (or Kafka) answers
                    log.warn("planned slices not stored, trying again: {}", e.toString());
                    retryLater();
                }
            }
        } catch (WakeupException e) {
            // closing while the consumer was being closed or rewound
        }
    }

    /** Back to the last committed position, after a pause; if Kafka cannot say where that is, the next round tries again. */
    private void retryLater() {
        sleepBriefly();
        try {
            rewind();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("could not rewind the manifests consumer, trying again: {}", e.toString());
        }
    }

    private void rewind() {
        var assigned = consumer.assignment();
        var committed = consumer.committed(assigned);
        for (var partition : assigned) {
            var offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    /** A manifest's slices as rows; a withdrawn manifest (tombstone) or an unreadable record has none. */
    static List<ObjectNode> rows(ConsumerRecord<String, byte[]> record, long ingestedAt) {
        if (record.value() == null) {
            return List.of();
        }
        try {
            var manifest = JSON.readTree(record.value());
            var rows = new ArrayList<ObjectNode>();
            for (var slice : manifest.path("slices")) {
                var contents = new LinkedHashSet<String>();
                slice.path("items").forEach(item -> contents.add(item.path("contentId").asString()));
                var row = JsonNodeFactory.instance.objectNode()
                        .put("tenant_id", manifest.path("organisationId").asString())
                        .put("display_id", manifest.path("displayId").asString())
                        .put("manifest_version", manifest.path("version").asLong())
                        .put("compiled_at", Instant.parse(manifest.path("compiledAt").asString()).getEpochSecond())
                        .put("slice_start", Instant.parse(slice.path("start").asString()).getEpochSecond())
                        .put("slice_end", Instant.parse(slice.path("end").asString()).getEpochSecond())
                        .put("source", slice.path("source").asString())
                        .put("ingested_at", ingestedAt);
                var campaigns = row.putArray("campaign_ids");
                slice.path("campaignIds").forEach(campaign -> campaigns.add(campaign.asString()));
                var contentIds = row.putArray("content_ids");
                contents.forEach(contentIds::add);
                rows.add(row);
            }
            return rows;
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("offset", record.offset()).log("a manifest record is unreadable and skipped: {}", e.toString());
            return List.of();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
