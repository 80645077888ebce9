package io.vizora.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.TopicCatalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Events as the relay puts them on the domain topics (CloudEvents keyed by their subject), and any
 * other record a test puts on a topic. One producer for the whole test run, made (with the topics)
 * on first use.
 */
public final class DomainEvents implements AutoCloseable {

    private static DomainEvents shared;

    public static synchronized DomainEvents shared() {
        if (shared == null) {
            try {
                ensureTopics();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            shared = new DomainEvents();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static final TopicCatalogue CATALOGUE = TopicCatalogue.load();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    /** The domain topics, as the relay would have created them (brokers do not create topics on their own). */
    private static void ensureTopics() throws InterruptedException {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers()))) {
            var topics = CATALOGUE.topics().stream().flatMap(topic -> List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1),
                    new NewTopic(topic.deadLetterTopic(), 1, (short) 1)).stream()).toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
        }
    }

    /** Sends an event and returns its id; the same id sent twice is a redelivery. */
    public UUID send(UUID tenant, String type, UUID subject, Map<String, Object> data) {
        return send(UUID.randomUUID(), tenant, type, subject, data);
    }

    public UUID send(UUID id, UUID tenant, String type, UUID subject, Map<String, Object> data) {
        var event = Envelope.json(id, type, tenant, subject.toString(), "user:" + new UUID(0, 7), Instant.now(), data);
        try {
            producer.send(new ProducerRecord<>(CATALOGUE.topicFor(type).name(), subject.toString(), event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Puts a record on a topic without waiting for Kafka (see {@link #flush()}): for many records at once. */
    public void record(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** The same for a record of one's own making (with headers). */
    public void record(ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    /** Waits until every record put so far is on its topic. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
