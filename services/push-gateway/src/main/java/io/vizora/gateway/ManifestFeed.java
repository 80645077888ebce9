package io.vizora.gateway;

import io.vizora.device.MessageTypes;
import io.vizora.platform.kafka.consumer.ConsumerLoop;
import io.vizora.platform.kafka.consumer.ConsumerState;
import io.vizora.platform.kafka.consumer.MonitoredConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follows the compacted manifests topic from its end and hands each new manifest to the display's
 * connections on this instance. Every gateway instance reads every partition (no consumer group),
 * so whichever instance holds a display's socket delivers to it; a tombstone (unpairing) tells the
 * agent and closes its sockets.
 * <p>
 * The feed does not depend on start order: until the topic exists it waits (and the gateway is not
 * ready), then reads the new topic from its start, since everything in it came after the gateway.
 * Any failure starts the consumer over from the positions it had reached ({@link ConsumerLoop}).
 */
@Component
public class ManifestFeed implements SmartLifecycle, MonitoredConsumer {

    private static final Logger log = LoggerFactory.getLogger(ManifestFeed.class);
    private static final Duration TOPIC_CHECK = Duration.ofSeconds(30);

    private final Connections connections;
    private final String topic;
    private final ConsumerLoop<String, String> loop;
    private volatile boolean running;

    public ManifestFeed(Connections connections, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                        @Value("${vizora.gateway.manifest-topic:vizora.manifests}") String topic) {
        this.connections = connections;
        this.topic = topic;
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // a position beyond the end means the topic was recreated: all of the new one is new
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.loop = new ConsumerLoop<>("manifest-feed", () -> new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer()),
                new Follow());
    }

    /** Assigns every partition, from where the last consumer stopped, from the end on a first start, or from the start of a topic that appeared later. */
    private final class Follow implements ConsumerLoop.Work<String, String> {

        private final Map<TopicPartition, Long> positions = new HashMap<>();
        private boolean topicWasMissing;
        private Instant topicCheckedAt = Instant.EPOCH;

        @Override
        public void begin(Consumer<String, String> consumer) {
            var partitions = partitions(consumer);
            consumer.assign(partitions);
            for (var partition : partitions) {
                var known = positions.get(partition);
                if (known != null) {
                    consumer.seek(partition, known);
                } else if (topicWasMissing) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seekToEnd(List.of(partition));
                }
                positions.put(partition, consumer.position(partition));
            }
            topicCheckedAt = Instant.now();
        }

        private List<TopicPartition> partitions(Consumer<String, String> consumer) {
            var found = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (found == null || found.isEmpty()) {
                topicWasMissing = true;
                throw new ConsumerLoop.NotYet("topic " + topic + " does not exist yet");
            }
            return found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        }

        @Override
        public void handle(ConsumerRecords<String, String> records, Consumer<String, String> consumer) {
            for (var record : records) {
                try {
                    deliver(UUID.fromString(record.key()), record.value());
                } catch (RuntimeException e) {
                    // one malformed record must not stop every later push
                    log.atWarn().setCause(e).addKeyValue("offset", record.offset()).log("skipped a manifest record that is not one");
                }
            }
            consumer.assignment().forEach(partition -> positions.put(partition, consumer.position(partition)));
            // partitions added, or the topic deleted: start over on what the topic is now
            if (Instant.now().isAfter(topicCheckedAt.plus(TOPIC_CHECK))) {
                topicCheckedAt = Instant.now();
                var now = partitions(consumer);
                if (now.size() != consumer.assignment().size() || !consumer.assignment().containsAll(now)) {
                    throw new IllegalStateException("the partitions of " + topic + " changed");
                }
            }
        }
    }

    private void deliver(UUID displayId, String manifest) {
        if (manifest == null) {
            connections.send(displayId, Message.of(MessageTypes.UNPAIRED, null, JsonNodeFactory.instance.objectNode()));
            connections.end(displayId, DeviceSocket.NOT_PAIRED);
            return;
        }
        var document = Message.tree(manifest);
        var body = JsonNodeFactory.instance.objectNode().put("version", document.get("version").asLong()).set("manifest", document);
        connections.send(displayId, Message.of(MessageTypes.MANIFEST, null, body));
    }

    @Override
    public String consumerName() {
        return loop.consumerName();
    }

    @Override
    public ConsumerState consumerState() {
        return loop.consumerState();
    }

    @Override
    public void start() {
        running = true;
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        loop.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
