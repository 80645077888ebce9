package io.vizora.gateway;

import io.vizora.platform.kafka.consumer.ConsumerLoop;
import io.vizora.platform.kafka.consumer.ConsumerState;
import io.vizora.platform.kafka.consumer.MonitoredConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows every partition of a topic from its end, without a consumer group, and hands each new
 * record to a handler: every gateway instance sees everything, so whichever holds a display's
 * socket delivers to it. It does not depend on start order: until the topic exists it waits (and
 * the gateway is not ready), then reads the new topic from its start, since everything in it came
 * after the gateway. Any failure starts the consumer over from the positions it had reached
 * ({@link ConsumerLoop}); a record the handler cannot take is logged and skipped, so one malformed
 * record never stops every later push.
 */
public abstract class TopicTail implements SmartLifecycle, MonitoredConsumer {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration TOPIC_CHECK = Duration.ofSeconds(30);

    private final String topic;
    private final ConsumerLoop<String, String> loop;
    private volatile boolean running;

    TopicTail(String name, String bootstrapServers, String topic) {
        this.topic = topic;
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // a position beyond the end means the topic was recreated: all of the new one is new
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.loop = new ConsumerLoop<>(name, () -> new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer()), new Follow());
    }

    /** One new record of the topic. */
    abstract void accept(ConsumerRecord<String, String> record);

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

    @Override
    public String consumerName() {
        return loop.consumerName();
    }

    @Override
    public ConsumerState consumerState() {
        return loop.consumerState();
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
                    accept(record);
                } catch (RuntimeException e) {
                    log.atWarn().setCause(e).addKeyValue("topic", topic).addKeyValue("offset", record.offset()).log("skipped a record that is not one");
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
}
