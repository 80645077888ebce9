package io.vizora.platform.kafka;

import io.vizora.platform.StackIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@StackIntegrationTest
class KafkaIntegrationTests {

    @Autowired
    KafkaProperties kafka;

    @Autowired
    Admin admin;

    @Test
    void recordsProducedWithAcksAllAreConsumedInOrderPerKey() throws Exception {
        var topic = "probe-" + UUID.randomUUID();
        admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get();
        try {
            var producerConfig = kafka.buildProducerProperties();
            producerConfig.putAll(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
            try (var producer = new KafkaProducer<String, String>(producerConfig)) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, "display-1", "event-" + i)).get();
                }
            }

            var consumerConfig = kafka.buildConsumerProperties();
            consumerConfig.putAll(Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG, topic,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
            var received = new ArrayList<String>();
            try (var consumer = new KafkaConsumer<String, String>(consumerConfig)) {
                consumer.subscribe(List.of(topic));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> r) -> received.add(r.value()));
                    return received.size() >= 10;
                });
            }

            assertThat(received).containsExactly(
                    "event-0", "event-1", "event-2", "event-3", "event-4",
                    "event-5", "event-6", "event-7", "event-8", "event-9");
        } finally {
            admin.deleteTopics(Set.of(topic)).all().get();
        }
    }
}
