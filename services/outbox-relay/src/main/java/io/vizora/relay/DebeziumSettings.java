package io.vizora.relay;

import java.util.Properties;

/** The Debezium embedded engine's configuration for Vizora's outbox. */
final class DebeziumSettings {

    /** Debezium names change topics {@code <prefix>.<schema>.<table>}. */
    static final String TOPIC_PREFIX = "vizora-outbox";
    static final String OUTBOX_CHANGES = TOPIC_PREFIX + ".public.outbox";

    private DebeziumSettings() {
    }

    static Properties of(RelayProperties relay, String kafkaBootstrapServers) {
        var db = relay.database();
        var props = new Properties();
        props.setProperty("name", "vizora-outbox-relay");
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("database.hostname", db.host());
        props.setProperty("database.port", Integer.toString(db.port()));
        props.setProperty("database.dbname", db.name());
        props.setProperty("database.user", db.user());
        props.setProperty("database.password", db.password());
        props.setProperty("topic.prefix", TOPIC_PREFIX);
        props.setProperty("plugin.name", "pgoutput");
        // slot and publication are created by the outbox's migrations, before any event exists
        props.setProperty("slot.name", relay.slotName());
        props.setProperty("publication.name", relay.publicationName());
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("slot.drop.on.stop", "false");
        props.setProperty("table.include.list", "public.outbox,public.outbox_heartbeat");
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("tombstones.on.delete", "false");
        props.setProperty("poll.interval.ms", Long.toString(relay.pollInterval().toMillis()));
        // the queue that does not spin through the last millisecond of every poll interval
        props.setProperty("queue.provider.type", PausingQueueProvider.TYPE);
        props.setProperty("heartbeat.interval.ms", Long.toString(relay.heartbeatInterval().toMillis()));
        props.setProperty("heartbeat.action.query", "INSERT INTO outbox_heartbeat (beat_at) VALUES (now())");
        // offsets live in Kafka, so a standby on another machine resumes where the active stopped
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        props.setProperty("offset.storage.topic", relay.offsetTopic());
        props.setProperty("offset.storage.partitions", "1");
        props.setProperty("offset.storage.replication.factor", Short.toString(relay.replicationFactor()));
        props.setProperty("offset.flush.interval.ms", Long.toString(relay.offsetFlushInterval().toMillis()));
        props.setProperty("bootstrap.servers", kafkaBootstrapServers);
        props.setProperty("errors.max.retries", "0");
        return props;
    }
}
