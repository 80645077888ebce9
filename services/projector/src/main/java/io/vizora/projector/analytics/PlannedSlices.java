package io.vizora.projector.analytics;

import io.vizora.device.ManifestDocument;
import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.platform.kafka.consumer.ConsumerGroup;
import io.vizora.platform.kafka.consumer.ConsumerLoop;
import io.vizora.platform.kafka.consumer.ConsumerState;
import io.vizora.platform.kafka.consumer.MonitoredConsumer;
import io.vizora.projector.manifest.ManifestPublisher;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Every compiled manifest's slices into ClickHouse as they are published, for planned vs actual.
 * At least once (offsets committed after the insert); a manifest stored twice collapses by its key.
 * <p>
 * The slices give way to the compiling: while the manifest worker drains the due list, the
 * consumer pauses and reads the batch it held again afterwards, for at most {@link #GIVE_WAY_AT_MOST}
 * in a row. Parsing 10,000 manifests and inserting their slices took a third of the projector's
 * CPU and much of ClickHouse's during a fleet-wide change, on the cores that deliver it to the
 * screens; planned vs actual does not feel a few seconds.
 */
public final class PlannedSlices implements MonitoredConsumer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlannedSlices.class);

    static final Duration GIVE_WAY_AT_MOST = Duration.ofSeconds(5);

    private final ConsumerLoop<String, byte[]> loop;

    /** {@code compiling}: whether manifests are being compiled, which the slices give way to. */
    public PlannedSlices(String bootstrapServers, ConsumerGroup group, ClickHouseStore store, BooleanSupplier compiling) {
        var giveWay = new GiveWay(compiling, GIVE_WAY_AT_MOST, Clock.systemUTC());
        Map<String, Object> settings = new HashMap<>(group.settings());
        settings.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        settings.putAll(IngestFetch.MANIFESTS.settings());
        // a batch not stored fails the loop; the next consumer reads it again from the last commit
        this.loop = new ConsumerLoop<>("planned-slices", () -> new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer()),
                new ConsumerLoop.Work<>() {
                    @Override
                    public void begin(Consumer<String, byte[]> consumer) {
                        consumer.subscribe(List.of(ManifestPublisher.TOPIC));
                    }

                    @Override
                    public void handle(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
                        if (giveWay.holdOff()) {
                            // read again from the batch's first record once the compiling is done
                            records.partitions().forEach(partition -> consumer.seek(partition, records.records(partition).getFirst().offset()));
                            consumer.pause(consumer.assignment());
                            return;
                        }
                        if (!consumer.paused().isEmpty()) {
                            consumer.resume(consumer.paused());
                        }
                        var rows = rows(records, Instant.now().getEpochSecond());
                        if (!rows.isEmpty()) {
                            store.insertJsonEachRow("planned_slices", rows);
                        }
                        if (!records.isEmpty()) {
                            consumer.commitSync();
                        }
                    }
                });
    }

    public void start() {
        loop.start();
    }

    @Override
    public String consumerName() {
        return loop.consumerName();
    }

    @Override
    public ConsumerState consumerState() {
        return loop.consumerState();
    }

    /**
     * A batch's rows. An unreadable record is skipped and reported, in one line per batch rather
     * than per record: a producer gone wrong can put thousands on the topic.
     */
    static List<ObjectNode> rows(ConsumerRecords<String, byte[]> records, long ingestedAt) {
        var rows = new ArrayList<ObjectNode>();
        int skipped = 0;
        String first = null;
        for (var record : records) {
            try {
                rows.addAll(rows(record, ingestedAt));
            } catch (RuntimeException unreadable) {
                if (skipped++ == 0) {
                    first = "partition " + record.partition() + ", offset " + record.offset() + ": " + unreadable;
                }
            }
        }
        if (skipped > 0) {
            log.atWarn().addKeyValue("skipped", skipped).log("{} unreadable manifest record(s) skipped in this batch; the first at {}", skipped, first);
        }
        return rows;
    }

    /** A manifest's slices as rows; a withdrawn manifest (tombstone) has none, and an unreadable record throws. */
    static List<ObjectNode> rows(ConsumerRecord<String, byte[]> record, long ingestedAt) {
        if (record.value() == null) {
            return List.of();
        }
        var manifest = ManifestDocument.read(record.value());
        var rows = new ArrayList<ObjectNode>();
        for (var slice : manifest.slices()) {
            var contents = new LinkedHashSet<String>();
            slice.items().forEach(item -> contents.add(item.contentId().toString()));
            var row = JsonNodeFactory.instance.objectNode()
                    .put("tenant_id", manifest.organisationId().toString())
                    .put("display_id", manifest.displayId().toString())
                    .put("manifest_version", manifest.version())
                    .put("compiled_at", manifest.compiledAt().getEpochSecond())
                    .put("slice_start", slice.start().getEpochSecond())
                    .put("slice_end", slice.end().getEpochSecond())
                    .put("source", slice.source())
                    .put("ingested_at", ingestedAt);
            var campaigns = row.putArray("campaign_ids");
            slice.campaignIds().forEach(campaign -> campaigns.add(campaign.toString()));
            var contentIds = row.putArray("content_ids");
            contents.forEach(contentIds::add);
            rows.add(row);
        }
        return rows;
    }

    @Override
    public void close() {
        loop.close();
    }
}
