package io.vizora.benchmarks;

import io.vizora.device.TimeOrderedIds;
import io.vizora.schemas.Envelope;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A consumer killed with kill -9 and started again: how long after the restarted service says it
 * is ready until it folds again, for the projector (audit projection) and partner streams (the
 * feed), beside the same measure on the running service. Events go to 64 groups, so every
 * partition of the fleet topic carries one. Bounded by a deadline per step.
 */
public final class RecoveryBenchmark {

    private static final int GROUPS = 64;

    private record Service(String name, TestStack.Database database, String folded) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("projector", TestStack.Database.PROJECTOR, "SELECT count(*) FROM projector.audit_log WHERE organisation_id = ?"),
            new Service("partner-streams", TestStack.Database.PARTNER, "SELECT count(*) FROM partner.partner_event WHERE organisation_id = ?"));

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    public static void main(String[] args) throws Exception {
        var benchmark = new RecoveryBenchmark();
        for (var service : SERVICES) {
            var running = benchmark.untilFolded(service);
            var pid = Long.parseLong(Files.readAllLines(TestStack.repositoryRoot().resolve(".vizora/" + System.getenv("VIZORA_INSTANCE") + "/" + service.name() + "/pid")).getFirst().trim());
            var process = ProcessHandle.of(pid).orElseThrow();
            process.destroyForcibly();
            process.onExit().join();
            var restart = System.nanoTime();
            BenchFleet.stack("up", "--services");
            var ready = (System.nanoTime() - restart) / 1e6;
            var afterRestart = benchmark.untilFolded(service);
            System.out.printf("%s killed -9 and started again: ready after %.0f ms; %d events on every partition folded %.0f ms after it was ready "
                    + "(%.0f ms while running)%n", service.name(), ready, GROUPS, afterRestart, running);
        }
        benchmark.producer.close();
    }

    /** Sends one event per group and returns the milliseconds until the service has folded them all. */
    private double untilFolded(Service service) throws Exception {
        var tenant = UUID.randomUUID();
        var start = System.nanoTime();
        IntStream.range(0, GROUPS).mapToObj(i -> UUID.randomUUID()).forEach(group -> producer.send(new ProducerRecord<>("vizora.fleet", group.toString(),
                Envelope.json(TimeOrderedIds.next(), "vizora.fleet.display_group_created.v1", tenant, group.toString(), "user:" + tenant, Instant.now(),
                        Map.of("groupId", group.toString(), "name", "Recovery")))));
        producer.flush();
        while (BenchFleet.count(service.database(), service.folded(), tenant) < GROUPS) {
            BenchFleet.deadline(start, service.name() + " folding after a restart");
            Thread.sleep(10);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
