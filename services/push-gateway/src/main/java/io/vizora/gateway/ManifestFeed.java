package io.vizora.gateway;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Follows the compacted manifests topic from its end ({@link TopicTail}) and hands each new
 * manifest to the display's connections on this instance; a tombstone (unpairing) tells the agent
 * and closes its sockets.
 */
@Component
public class ManifestFeed extends TopicTail {

    private final Connections connections;

    public ManifestFeed(Connections connections, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                        @Value("${vizora.gateway.manifest-topic:vizora.manifests}") String topic) {
        super("manifest-feed", bootstrapServers, topic);
        this.connections = connections;
    }

    @Override
    void accept(ConsumerRecord<String, String> record) {
        var displayId = UUID.fromString(record.key());
        var manifest = record.value();
        if (manifest == null) {
            connections.send(displayId, Message.unpaired());
            connections.end(displayId, DeviceSocket.NOT_PAIRED);
            return;
        }
        // every instance reads every manifest; only the one holding the display's sockets builds a message
        if (connections.holds(displayId)) {
            connections.send(displayId, Message.manifest(null, manifest));
        }
    }
}
