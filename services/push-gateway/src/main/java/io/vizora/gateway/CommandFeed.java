package io.vizora.gateway;

import io.vizora.device.FleetCommand;
import io.vizora.schemas.Envelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The fast path of fleet commands: follows {@code vizora.fleet} from its end ({@link TopicTail})
 * and offers each issued command to the connections of its displays on this instance. Displays not
 * connected get it from the queue the projector keeps ({@link PendingCommands}) when they connect
 * or beat, until it expires (ADR 0028).
 */
@Component
public class CommandFeed extends TopicTail {

    static final String ISSUED = "vizora.fleet.command_issued.v1";

    private final Connections connections;

    public CommandFeed(Connections connections, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                       @Value("${vizora.gateway.fleet-topic:vizora.fleet}") String topic) {
        super("command-feed", bootstrapServers, topic);
        this.connections = connections;
    }

    @Override
    void accept(ConsumerRecord<String, String> record) {
        var named = record.headers().lastHeader(Envelope.TYPE_HEADER);
        if (named != null && !ISSUED.equals(new String(named.value(), StandardCharsets.UTF_8))) {
            return; // most of the topic: passed over unparsed
        }
        var tree = Message.tree(record.value());
        if (!ISSUED.equals(tree.path("type").asString(""))) {
            return;
        }
        var data = tree.get("data");
        var command = new FleetCommand(UUID.fromString(data.get("commandId").asString()), data.get("command").asString(),
                Instant.parse(data.get("issuedAt").asString()), Instant.parse(data.get("expiresAt").asString()));
        data.get("displayIds").forEach(display -> connections.offer(UUID.fromString(display.asString()), command));
    }
}
