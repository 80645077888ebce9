package io.vizora.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes a batch and returns only once Kafka acknowledged all of it (acks=all, idempotent
 * producer, so retries neither duplicate nor reorder within a partition). Only then may the
 * batch's offsets be committed.
 */
final class KafkaPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Timer latency;
    private final Counter relayed;
    private final Clock clock;

    KafkaPublisher(Map<String, Object> kafkaProperties, MeterRegistry meters, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafkaProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "vizora-outbox-relay");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.latency = Timer.builder("vizora.outbox.relay.latency")
                .description("From the outbox row's commit in Postgres to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
        this.relayed = Counter.builder("vizora.outbox.relay.events")
                .description("Outbox events acknowledged by Kafka")
                .register(meters);
        this.clock = clock;
    }

    void publishAll(List<RelayedEvent> events) throws InterruptedException {
        var acks = new ArrayList<Future<?>>(events.size());
        for (var event : events) {
            acks.add(producer.send(new ProducerRecord<>(event.topic(), null, event.key(), event.cloudEvent(), event.headers())));
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not acknowledge an event for " + events.get(i).topic(), e.getCause());
            }
            latency.record(Duration.ofMillis(Math.max(0, clock.millis() - events.get(i).committedAtMillis())));
        }
        relayed.increment(events.size());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
