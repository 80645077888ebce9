package io.vizora.projector.playback;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.projector.ProjectorIntegrationTest;
import io.vizora.schemas.Envelope;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Heartbeats reach ClickHouse as health samples, each once, with what the device said and nulls for what it did not. */
@ProjectorIntegrationTest
class HealthIngestIntegrationTests {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    @Autowired
    ClickHouseStore clickhouse;

    @AfterAll
    static void close() {
        PRODUCER.close();
    }

    private static void beat(UUID tenant, UUID display, UUID id, Map<String, Object> health) {
        var data = new HashMap<String, Object>(health);
        data.put("displayId", display.toString());
        data.put("sentAt", Instant.now().toString());
        PRODUCER.send(new ProducerRecord<>("vizora.presence", display.toString(),
                Envelope.json(id, "vizora.presence.heartbeat.v1", tenant, display.toString(), "device:" + display, Instant.now(), data,
                        "/vizora/push-gateway")));
    }

    private String value(String sql) {
        return clickhouse.query(sql).getFirst().getFirst();
    }

    @Test
    void everyHeartbeatIsStoredOnceAsAHealthSample() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var content = UUID.randomUUID();
        var beats = new ArrayList<UUID>();
        for (int i = 0; i < 20; i++) {
            beats.add(UUID.randomUUID());
            beat(tenant, display, beats.getLast(), Map.of("cpuPercent", 10.0 + i, "screenOn", true, "appVersion", "0.1.0",
                    "playing", Map.of("contentId", content.toString(), "fromCache", true)));
        }
        for (int i = 0; i < 5; i++) {
            beat(tenant, display, beats.get(i), Map.of("cpuPercent", 10.0 + i, "screenOn", true));
        }
        var bare = UUID.randomUUID();
        beat(tenant, display, bare, Map.of());
        PRODUCER.flush();

        var where = " FROM health_samples WHERE tenant_id = '" + tenant + "'";
        await().atMost(Duration.ofSeconds(30)).until(() -> value("SELECT count()" + where + " AND sample_id = '" + bare + "'").equals("1"));
        assertThat(value("SELECT count()" + where)).isEqualTo("21");
        assertThat(value("SELECT uniqExact(sample_id)" + where)).isEqualTo("21");
        assertThat(Double.parseDouble(value("SELECT max(cpu_percent)" + where))).isEqualTo(29.0);
        assertThat(value("SELECT countIf(playing_content_id = '" + content + "' AND from_cache = 1 AND screen_on = 1)" + where)).isEqualTo("20");
        assertThat(value("SELECT countIf(isNull(cpu_percent) AND isNull(screen_on) AND app_version = '')" + where)).isEqualTo("1");
    }
}
