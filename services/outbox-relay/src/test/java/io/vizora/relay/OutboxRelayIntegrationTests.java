package io.vizora.relay;

import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The relay running as in production, one process, against the real stack. */
class OutboxRelayIntegrationTests {

    private static RelayProcess relay;

    @BeforeAll
    static void startRelay() throws Exception {
        TestStack.migrate();
        relay = RelayProcess.start("steady").awaitRole("active");
    }

    @AfterAll
    static void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void everyCommittedEventReachesKafkaAsTheContractSaysKeyedAndInOrderPerAggregate() {
        var traffic = new OutboxTraffic();
        var committed = traffic.commitMany(100, 30, 5, 8);

        try (var reader = new FleetTopicReader(traffic.tenant)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> reader.poll().size() >= committed.size());
            var records = reader.poll();

            assertThat(records).extracting(FleetTopicReader::idOf).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(records).allSatisfy(record -> {
                assertThat(OutboxTraffic.CONTRACT.violations(record.value())).isEmpty();
                assertThat(record.key()).isEqualTo(subjectOf(record));
                assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                        .startsWith("application/cloudevents+json");
            });
            assertInOrderPerAggregate(records);
        }
        var metrics = relay.metrics();
        assertThat(counter(metrics, "vizora_outbox_relay_latency_seconds_count")).isGreaterThanOrEqualTo(committed.size());
        assertThat(metrics.lines()).anyMatch(line -> line.matches("vizora_outbox_slot_retained_bytes [0-9.E+]+"));
    }

    @Test
    void aRelayIsDownAndSaysWhyWhileItsSlotIsMissingCreatingNoneAndThenWhileItsEngineCannotStream() throws Exception {
        // a slot and offsets of its own, so that it leads from nothing; a publication nobody created, so that its engine fails at every start
        var slot = "vizora_outbox_later_" + UUID.randomUUID().toString().substring(0, 8);
        try (var broken = RelayProcess.start("no-publication", "--vizora.relay.slot-name=" + slot,
                "--vizora.relay.publication-name=vizora_unpublished", "--vizora.relay.offset-topic=it-relay-offsets-" + UUID.randomUUID())) {
            broken.awaitRole("failing");
            assertThat(broken.health()).startsWith("{").contains("\"status\":\"DOWN\"").contains("replication slot " + slot + " does not exist yet");
            assertThat(slots(slot)).as("the relay waits for the outbox's migrations to create its slot").isZero();

            try (var connection = TestStack.jdbc(); var statement = connection.prepareStatement("SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
                statement.setString(1, slot);
                statement.execute();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> broken.health().contains("Publication"));
            assertThat(broken.health()).contains("\"status\":\"DOWN\"").contains("\"role\":\"failing\"");
            assertThat(broken.log()).as("an engine that never streamed was never called active").doesNotContain("outbox relay is active on slot " + slot);
        } finally {
            try (var connection = TestStack.jdbc(); var statement = connection.prepareStatement(
                    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
                statement.setString(1, slot);
                statement.execute();
            }
        }
    }

    private static long slots(String name) throws Exception {
        try (var connection = TestStack.jdbc(); var statement = connection.prepareStatement("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void aCommandThatRollsBackEmitsNothing() {
        var traffic = new OutboxTraffic();
        var groupId = UUID.randomUUID();
        var rolledBack = traffic.commit(List.of(traffic.event(groupId, 0)))
                .then(Mono.<List<UUID>>error(new IllegalStateException("command failed after writing its event")))
                .as(traffic.transaction()::transactional);
        assertThatThrownBy(rolledBack::block).hasMessageContaining("command failed");
        // the marker shares the aggregate, hence the partition: had the rolled-back event been
        // relayed, it would arrive before the marker
        var marker = traffic.commit(List.of(traffic.event(groupId, 1))).block().getFirst();

        try (var reader = new FleetTopicReader(traffic.tenant)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream().map(FleetTopicReader::idOf).anyMatch(marker::equals));
            assertThat(reader.poll()).extracting(FleetTopicReader::idOf).containsExactly(marker);
        }
    }

    @Test
    void theHeartbeatAdvancesTheSlotWhileTheOutboxIsIdle() {
        var db = new OutboxTraffic().db();
        db.sql("CREATE TABLE IF NOT EXISTS relay_test_churn (id bigserial PRIMARY KEY, filler text)").then().block();
        db.sql("INSERT INTO relay_test_churn (filler) SELECT repeat('x', 500) FROM generate_series(1, 2000)").then().block();
        var walAfterChurn = db.sql("SELECT pg_current_wal_lsn()::text").map(r -> r.get(0, String.class)).one().block();

        await().atMost(Duration.ofSeconds(60)).until(() -> db.sql(
                        "SELECT confirmed_flush_lsn >= CAST(:lsn AS pg_lsn) FROM pg_replication_slots WHERE slot_name = 'vizora_outbox'")
                .bind("lsn", walAfterChurn).map(r -> r.get(0, Boolean.class)).one().block());
    }

    @Test
    void theRelaysLogNamesTheQueueThatDoesNotSpinAndHoldsNoSecret() throws Exception {
        assertThat(relay.log())
                .contains("outbox relay is active")
                .contains("Using QueueProvider " + PausingQueueProvider.class.getName())
                .doesNotContain(TestStack.postgresPassword());
    }

    static String subjectOf(ConsumerRecord<String, byte[]> record) {
        return tools.jackson.databind.json.JsonMapper.shared().readTree(record.value()).path("subject").asString();
    }

    /** Within each aggregate, sequence numbers first appear in ascending order (redeliveries aside). */
    static void assertInOrderPerAggregate(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> last = new HashMap<>();
        var seen = new HashSet<UUID>();
        for (var record : records) {
            if (!seen.add(FleetTopicReader.idOf(record))) {
                continue;
            }
            var sequence = OutboxTraffic.sequenceOf(record.value());
            var previous = last.put(record.key(), sequence);
            assertThat(sequence).as("aggregate %s", record.key()).isEqualTo(previous == null ? 0 : previous + 1);
        }
    }

    static double counter(String prometheus, String name) {
        return prometheus.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
