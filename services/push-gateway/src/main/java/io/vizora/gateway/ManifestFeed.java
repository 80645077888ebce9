package io.vizora.gateway;

import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import java.util.Map;
import java.util.UUID;

/**
 * Follows the compacted vizora.manifests topic from its end and hands each new manifest to the
 * display's connections on this instance. Every gateway instance reads every partition (no
 * consumer group), so whichever instance holds a display's socket delivers to it; a tombstone
 * (unpairing) tells the agent and closes its sockets.
 */
@Component
public class ManifestFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManifestFeed.class);
    private static final String TOPIC = "vizora.manifests";

    private final Connections connections;
    private final String bootstrapServers;
    private volatile boolean running;
    private Thread thread;

    public ManifestFeed(Connections connections, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.connections = connections;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public void start() {
        running = true;
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new StringDeserializer());
        var partitions = consumer.partitionsFor(TOPIC).stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("manifest-feed").start(() -> {
            try (consumer) {
                while (running) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        try {
                            deliver(UUID.fromString(record.key()), record.value());
                        } catch (RuntimeException e) {
                            // one malformed record must not stop every later push
                            log.atWarn().setCause(e).addKeyValue("offset", record.offset()).log("skipped a manifest record that is not one");
                        }
                    }
                }
            } catch (RuntimeException e) {
                log.atError().setCause(e).log("the manifest feed stopped");
            }
        });
    }

    private void deliver(UUID displayId, String manifest) {
        if (manifest == null) {
            connections.send(displayId, Message.of(Message.UNPAIRED, null, JsonNodeFactory.instance.objectNode()));
            connections.end(displayId, DeviceSocket.NOT_PAIRED);
            return;
        }
        var document = Message.tree(manifest);
        var body = JsonNodeFactory.instance.objectNode().put("version", document.get("version").asLong()).set("manifest", document);
        connections.send(displayId, Message.of(Message.MANIFEST, null, body));
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
