package io.vizora.platform.kafka.consumer;

import io.vizora.platform.StackIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consumers started before their topic exists, on the real broker: not ready while they wait, consuming once the topic appears. */
@StackIntegrationTest
class ConsumerHealthIntegrationTests {

    @Autowired
    KafkaProperties kafka;

    @Autowired
    Admin admin;

    private Map<String, Object> consumerSettings(String group) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return settings;
    }

    private void createAndSend(String topic, String value) throws Exception {
        admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get();
        try (var producer = new KafkaProducer<>(kafka.buildProducerProperties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }
    }

    private static ConsumersHealthIndicator health(MonitoredConsumer consumer) {
        var beans = new StaticListableBeanFactory(Map.of("consumer", consumer));
        return new ConsumersHealthIndicator(beans.getBeanProvider(MonitoredConsumer.class));
    }

    @Test
    void aPollLoopStartedBeforeItsTopicExistsIsNotReadyUntilTheTopicAppearsThenConsumesIt() throws Exception {
        var topic = "probe-" + UUID.randomUUID();
        var seen = new CopyOnWriteArrayList<String>();
        var settings = consumerSettings(topic);
        try (var loop = new ConsumerLoop<String, String>("probe-loop", () -> new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer()),
                new ConsumerLoop.Work<>() {
                    @Override
                    public void begin(Consumer<String, String> consumer) {
                        consumer.subscribe(List.of(topic));
                    }

                    @Override
                    public void handle(ConsumerRecords<String, String> records, Consumer<String, String> consumer) {
                        records.forEach(record -> seen.add(record.value()));
                        consumer.commitSync();
                    }
                })) {
            loop.start();
            var health = health(loop);
            await().until(() -> loop.consumerState().condition() == ConsumerState.Condition.WAITING);
            var waiting = health.health(true);
            assertThat(waiting.getStatus()).isEqualTo(Status.DOWN);
            assertThat(waiting.getDetails()).containsKey("probe-loop");

            createAndSend(topic, "after the topic appeared");

            await().until(() -> seen.contains("after the topic appeared"));
            await().until(() -> health.health(true).getStatus().equals(Status.UP));
            assertThat(loop.consumerState().partitions()).isEqualTo(3);
        }
    }

    @Test
    void aListenerContainerStartedBeforeItsTopicExistsIsNotReadyUntilTheTopicAppearsThenConsumesIt() throws Exception {
        var topic = "probe-" + UUID.randomUUID();
        var seen = new CopyOnWriteArrayList<String>();
        var monitor = new ContainerMonitor("probe-container", List.of(topic));
        var properties = new ContainerProperties(topic);
        properties.setMessageListener((MessageListener<String, String>) record -> {
            seen.add(record.value());
            monitor.succeeded();
        });
        var container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(consumerSettings(topic), new StringDeserializer(), new StringDeserializer()), properties);
        monitor.watch(container);
        var health = health(monitor);
        container.start();
        try {
            await().until(() -> monitor.consumerState().condition() == ConsumerState.Condition.WAITING);
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);

            createAndSend(topic, "after the topic appeared");

            await().until(() -> seen.contains("after the topic appeared"));
            await().until(() -> health.health(true).getStatus().equals(Status.UP));
        } finally {
            container.stop();
        }
        assertThat(monitor.consumerState().condition()).isEqualTo(ConsumerState.Condition.STOPPED);
    }
}
