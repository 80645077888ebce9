package io.vizora.projector.analytics;

import io.vizora.consumer.CloudEventReader;
import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.platform.kafka.consumer.ConsumerGroup;
import io.vizora.platform.kafka.consumer.ConsumerLoop;
import io.vizora.platform.kafka.consumer.ConsumerState;
import io.vizora.platform.kafka.consumer.MonitoredConsumer;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.Formats;
import org.apache.kafka.clients.consumer.Consumer;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Events of one topic into one ClickHouse table, each stored once (guarantee 3,
 * docs/architecture.md; ADR 0015): a poll is one INSERT of its new rows with their Kafka positions,
 * so the rows and the consumer's progress are written together or not at all; Kafka offsets are
 * never committed, each partition resumes after the highest offset stored in the table. An event
 * already stored (the same id sent again by an agent that missed its ack, or the same record read
 * again after a crash) is left out before the insert. The consumer group only shares out partitions
 * between projector instances. Plays and health samples are ingested this way.
 */
public final class ExactlyOnceIngest implements MonitoredConsumer, AutoCloseable {

    /** Where events go: the topic, the event types taken from it, the table and its event-id column. */
    public record Target(String name, String topic, Set<String> eventTypes, String table, String idColumn) {
    }

    /** One checked event, where it was read, and whether its check was its producer's (ADR 0038). */
    public record Source(JsonNode event, int partition, long offset, boolean stamped) {
    }

    /** Turns a batch of events into rows (with tenant_id, the id column, kafka_partition, kafka_offset and ingested_at). */
    public interface Rows {
        List<ObjectNode> of(List<Source> events, Instant ingestedAt);
    }

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceIngest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int IDS_PER_CHECK = 2_000;

    private final ClickHouseStore store;
    private final EventContract contract;
    private final Target target;
    private final Rows rows;
    private final ConsumerLoop<String, byte[]> loop;

    public ExactlyOnceIngest(Target target, Rows rows, String bootstrapServers, ConsumerGroup group, ClickHouseStore store, EventContract contract) {
        this.target = target;
        this.rows = rows;
        this.store = store;
        this.contract = contract;
        Map<String, Object> settings = new HashMap<>(group.settings());
        settings.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        settings.putAll(IngestFetch.EVENTS.settings());
        this.loop = new ConsumerLoop<>(target.name() + "-ingest", () -> new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer()),
                new Ingest());
    }

    /**
     * A batch that could not be stored fails the loop, which starts a new consumer after a pause:
     * its partitions resume from the positions ClickHouse stored, so the batch is read again.
     */
    private final class Ingest implements ConsumerLoop.Work<String, byte[]> {

        @Override
        public void begin(Consumer<String, byte[]> consumer) {
            consumer.subscribe(List.of(target.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // nothing to commit: progress lives in ClickHouse with the rows
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    resume(consumer, partitions);
                }
            });
        }

        @Override
        public void handle(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
            if (!records.isEmpty()) {
                ingest(records);
            }
        }
    }

    /** Starts ingesting (again, after {@link #close()}: it resumes from what ClickHouse stored). */
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

    /** Seeks each partition to just after the highest offset stored in ClickHouse, or to its start. */
    private void resume(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> stored = new HashMap<>();
        store.query("SELECT kafka_partition, max(kafka_offset) FROM " + target.table() + " GROUP BY kafka_partition")
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
        Map<String, Source> events = new LinkedHashMap<>();
        for (var record : records) {
            JsonNode event;
            try {
                event = JSON.readTree(record.value());
            } catch (tools.jackson.core.JacksonException e) {
                skip(record, List.of("not JSON"));
                continue;
            }
            // the topic may carry other types (presence announcements beside heartbeats): only the wanted ones are checked
            if (!target.eventTypes().contains(event.path("type").asString(""))) {
                continue;
            }
            var checked = contract.checked(CloudEventReader.stampOf(record));
            var problems = checked ? List.<String>of() : contract.violations(event);
            if (!problems.isEmpty()) {
                skip(record, problems);
                continue;
            }
            events.putIfAbsent(event.get("id").asString(), new Source(event, record.partition(), record.offset(), checked));
        }
        if (events.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> batch = new LinkedHashMap<>();
        rowsOf(List.copyOf(events.values())).forEach(row -> batch.put(row.get(target.idColumn()).asString(), row));
        batch.keySet().removeAll(stored(batch.values()));
        if (!batch.isEmpty()) {
            store.insertJsonEachRow(target.table(), batch.values());
        }
    }

    /**
     * The batch's rows. Events taken as checked by their producer's stamp (ADR 0038) are checked
     * after all if the batch cannot be read: a producer that stamped an event it should not have
     * costs that event, never the partition's progress.
     */
    private List<ObjectNode> rowsOf(List<Source> events) {
        try {
            return rows.of(events, Instant.now());
        } catch (RuntimeException unreadable) {
            if (events.stream().noneMatch(Source::stamped)) {
                throw unreadable;
            }
            var valid = new ArrayList<Source>(events.size());
            for (var source : events) {
                var problems = source.stamped() ? contract.violations(source.event()) : List.<String>of();
                if (problems.isEmpty()) {
                    valid.add(new Source(source.event(), source.partition(), source.offset(), false));
                } else {
                    skip(target.topic(), source.partition(), source.offset(), problems);
                }
            }
            return rowsOf(valid);
        }
    }

    private static void skip(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, List<String> problems) {
        skip(record.topic(), record.partition(), record.offset(), problems);
    }

    private static void skip(String topic, int partition, long offset, List<String> problems) {
        log.atWarn().addKeyValue("topic", topic).addKeyValue("partition", partition).addKeyValue("offset", offset)
                .addKeyValue("problems", problems).log("skipped a record that breaks the contract");
    }

    /**
     * Which of these rows the table already has, asked {@value #IDS_PER_CHECK} ids at a time: a
     * poll of play reports holds thousands of plays, and ClickHouse refuses a query text over
     * 256 KiB.
     */
    private List<String> stored(Collection<ObjectNode> rows) {
        var id = target.idColumn();
        var all = List.copyOf(rows);
        var stored = new ArrayList<String>();
        for (int from = 0; from < all.size(); from += IDS_PER_CHECK) {
            var some = all.subList(from, Math.min(all.size(), from + IDS_PER_CHECK));
            var tenants = some.stream().map(row -> quoted(row.get("tenant_id").asString())).distinct().collect(Collectors.joining(","));
            var ids = some.stream().map(row -> quoted(row.get(id).asString())).collect(Collectors.joining(","));
            store.query("SELECT " + id + " FROM " + target.table() + " WHERE tenant_id IN (" + tenants + ") AND " + id + " IN (" + ids + ")")
                    .forEach(row -> stored.add(row.getFirst()));
        }
        return stored;
    }

    /**
     * Ids reached here through the contract (format uuid), so quoting cannot be escaped; the check
     * keeps it so, with the contract's own reading of the format (it runs for every play).
     */
    private static String quoted(String uuid) {
        if (!Formats.uuid(uuid)) {
            throw new IllegalArgumentException("not an id: " + uuid);
        }
        return "'" + uuid + "'";
    }

    @Override
    public void close() {
        loop.close();
    }
}
