package io.vizora.relay;

import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads vizora.fleet from the beginning, keeping the records of one tenant. */
final class FleetTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String tenant;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    FleetTopicReader(UUID tenant) {
        this.tenant = tenant.toString();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of("vizora.fleet"));
    }

    /** Polls once and returns everything of the tenant read so far, in partition order. */
    List<ConsumerRecord<String, byte[]>> poll() {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            if (tenant.equals(JsonMapper.shared().readTree(record.value()).path("tenantid").asString())) {
                records.add(record);
            }
        }
        return records;
    }

    static UUID idOf(ConsumerRecord<String, byte[]> record) {
        return UUID.fromString(JsonMapper.shared().readTree(record.value()).path("id").asString());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
