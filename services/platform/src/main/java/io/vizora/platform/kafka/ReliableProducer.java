package io.vizora.platform.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The producer for paths that tell someone "done" only once Kafka has the record (manifests,
 * heartbeats, presence announcements): acks from all in-sync replicas, idempotent, lz4, a short
 * linger; string keys, byte values, null for a tombstone.
 */
public final class ReliableProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public ReliableProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Completes once Kafka acknowledged the record; fails with what the producer failed with. */
    public Mono<Void> send(String topic, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /** The same for a record of one's own making (with headers). */
    public Mono<Void> send(ProducerRecord<String, byte[]> record) {
        return Mono.create(sink -> producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                sink.success();
            } else {
                sink.error(failure);
            }
        }));
    }

    @Override
    public void close() {
        producer.close();
    }
}
