package io.vizora.benchmarks;

import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each event of one tenant arrived on {@code vizora.fleet}, by event id. Subscribes (from the
 * latest offset) on construction, so only events committed afterwards are seen.
 */
final class Arrivals implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String tenant;
    private final Map<UUID, Long> arrivedAt = new ConcurrentHashMap<>();

    Arrivals(UUID tenant) {
        this.tenant = tenant.toString();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of("vizora.fleet"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
    }

    /** Polls until {@code expected} distinct events arrived, failing after five minutes. */
    Map<UUID, Long> await(int expected) {
        var deadline = System.nanoTime() + DEADLINE.toNanos();
        while (arrivedAt.size() < expected && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(50))) {
                var now = System.nanoTime();
                var json = JsonMapper.shared().readTree(record.value());
                if (tenant.equals(json.path("tenantid").asString())) {
                    arrivedAt.putIfAbsent(UUID.fromString(json.path("id").asString()), now);
                }
            }
        }
        if (arrivedAt.size() < expected) {
            throw new IllegalStateException("only " + arrivedAt.size() + " of " + expected + " events arrived within " + DEADLINE);
        }
        return arrivedAt;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
