package io.vizora.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the relay reaches Postgres and tunes Debezium. {@code pollInterval} is the knob for
 * commit-to-Kafka latency: Debezium's default of 500 ms gives p50 ~440 ms, 10 ms gives ~13 ms.
 */
@ConfigurationProperties("vizora.relay")
public record RelayProperties(
        Database database,
        String slotName,
        String publicationName,
        String offsetTopic,
        short replicationFactor,
        Duration pollInterval,
        Duration heartbeatInterval,
        Duration offsetFlushInterval,
        Duration leaderCheckInterval,
        Duration restartBackoff,
        Duration outboxRetention) {

    public record Database(String host, int port, String name, String user, String password) {

        @Override
        public String toString() {
            return "Database[host=" + host + ", port=" + port + ", name=" + name + ", user=" + user + "]";
        }
    }
}
