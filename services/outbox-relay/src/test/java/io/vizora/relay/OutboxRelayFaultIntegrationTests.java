package io.vizora.relay;

import io.vizora.consumer.EventHandler;
import io.vizora.consumer.IdempotentEventConsumer;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults the relay must survive without losing an event: the active instance killed -9 under load
 * with a standby waiting, Postgres restarting, the broker restarting. Postgres and Kafka are
 * restarted with the project's own stack script, on the test instance. Each scenario starts as few
 * relay processes as it needs (a start costs seconds on two cores).
 */
class OutboxRelayFaultIntegrationTests {

    @BeforeAll
    static void migrate() {
        TestStack.migrate();
    }

    /**
     * The active relay is killed with -9 in the middle of a load, with a standby waiting: the
     * standby takes over from the offsets the dead one stored, and every committed event reaches
     * Kafka in order per aggregate and applies exactly once downstream, whatever was sent twice.
     */
    @Test
    void killedWithMinus9UnderLoadTheStandbyTakesOverAndNothingIsLostOrAppliedTwice() throws Exception {
        var traffic = new OutboxTraffic();
        var effects = "relay_test_effect_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        traffic.db().sql("CREATE TABLE " + effects + " (event_id uuid NOT NULL)").then().block();
        EventHandler recordEffect = (event, db) -> event.tenantId().equals(traffic.tenant)
                ? db.sql("INSERT INTO " + effects + " (event_id) VALUES (:id)").bind("id", event.id()).then()
                : reactor.core.publisher.Mono.empty();

        var committed = Collections.synchronizedList(new ArrayList<UUID>());
        try (var active = RelayProcess.start("killed-active").awaitRole("active");
             var standby = RelayProcess.start("standby").awaitRole("standby");
             var consumer = new IdempotentEventConsumer(
                     IdempotentEventConsumer.Settings.of("relay-test-" + effects, TestStack.kafkaBootstrapServers(), List.of("vizora.fleet")),
                     OutboxTraffic.CONTRACT, traffic.db(), traffic.transaction(), recordEffect)) {
            var load = CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 6; round++) {
                    committed.addAll(traffic.commitMany(50, 10, 5, 4));
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> committed.size() >= 1000);
            active.kill();
            standby.awaitRole("active");
            load.get(120, TimeUnit.SECONDS);
            consumer.start();

            try (var reader = new FleetTopicReader(traffic.tenant)) {
                await().atMost(Duration.ofSeconds(120)).until(() ->
                        reader.poll().stream().map(FleetTopicReader::idOf).distinct().count() >= committed.size());
                var records = reader.poll();
                System.out.printf("kill -9 under load: %d events committed, %d records on Kafka (%d redelivered)%n",
                        committed.size(), records.size(), records.size() - committed.size());
                assertThat(records.stream().map(FleetTopicReader::idOf).distinct()).containsExactlyInAnyOrderElementsOf(committed);
                OutboxRelayIntegrationTests.assertInOrderPerAggregate(records);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> count(traffic, effects) >= committed.size());
            assertThat(count(traffic, effects)).isEqualTo(committed.size());
            assertThat(distinctCount(traffic, effects)).isEqualTo(committed.size());
            assertThat(standby.log()).contains("standing by").contains("outbox relay is active");
        }
    }

    /** One relay lives through a Postgres restart and then a broker restart, and relays what was committed around each. */
    @Test
    void relayingResumesAfterPostgresRestartsAndAfterTheBrokerRestarts() throws Exception {
        var traffic = new OutboxTraffic();
        try (var relay = RelayProcess.start("servers-restart").awaitRole("active")) {
            var all = new ArrayList<>(traffic.commitMany(10, 5, 5, 2));
            for (var server : List.of("postgres", "kafka")) {
                restart(server);
                // new connections: the old pool's died with Postgres, which is the pool's concern, not the relay's
                traffic = traffic.reconnected();
                all.addAll(traffic.commitMany(10, 5, 5, 2));
                awaitDelivered(traffic, all);
                relay.awaitRole("active");
            }
            // an engine restarted beside the metrics of the one that failed waits minutes to stream
            assertThat(relay.log()).doesNotContain("Unable to register metrics");
        }
    }

    private static void awaitDelivered(OutboxTraffic traffic, List<UUID> ids) {
        try (var reader = new FleetTopicReader(traffic.tenant)) {
            await().atMost(Duration.ofSeconds(120)).until(() ->
                    reader.poll().stream().map(FleetTopicReader::idOf).collect(java.util.stream.Collectors.toSet()).containsAll(ids));
        }
    }

    /** Stops one server of the test stack and starts it again, with ops/stack.sh. */
    private static void restart(String component) throws IOException, InterruptedException {
        var stack = TestStack.repositoryRoot().resolve("ops/stack.sh").toString();
        for (var verb : List.of(List.of(stack, "down", component), List.of(stack, "up"))) {
            var process = new ProcessBuilder(verb).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(java.nio.file.Path.of("target", "stack-restarts.log").toFile()))
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("ops/stack.sh %s", verb.subList(1, verb.size())).isZero();
        }
    }

    private static long count(OutboxTraffic traffic, String table) {
        return traffic.db().sql("SELECT count(*) FROM " + table).map(r -> r.get(0, Long.class)).one().block();
    }

    private static long distinctCount(OutboxTraffic traffic, String table) {
        return traffic.db().sql("SELECT count(DISTINCT event_id) FROM " + table).map(r -> r.get(0, Long.class)).one().block();
    }
}
