package io.vizora.benchmarks;

import io.vizora.outbox.CloudEventEncoder;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.OutboxWriter;
import io.vizora.outbox.Principal;
import io.vizora.schemas.EventContract;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Sustained outbox-to-Kafka throughput and commit-to-consume latency through the real relay,
 * beside the raw Kafka producer throughput (same record size, same producer settings as the
 * relay) measured in the same run as the ceiling: with every service running, with the services
 * that fold the events stopped, and the writer and the relay each alone. Bounded: a fixed number of
 * events, loopback only.
 */
public final class OutboxRelayBenchmark {

    record GroupRenamed(UUID groupId, String name) {
    }

    private static final int EVENTS = Integer.getInteger("events", 20_000);
    private static final int PER_TRANSACTION = Integer.getInteger("perTransaction", 10);
    private static final int CONCURRENCY = Integer.getInteger("concurrency", 16);
    /** Rounds with every service running, one after another: the first meets JVMs that have not yet compiled what an event passes through. */
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final java.time.Duration IDLE = java.time.Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        TestStack.migrate();
        var contract = EventContract.load();
        var encoder = new CloudEventEncoder("benchmark", contract, JsonMapper.shared(), Clock.systemUTC());
        var tenant = UUID.randomUUID();
        var principal = Principal.user(UUID.randomUUID());
        var groups = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();
        var sample = encoder.encode(event(groups.getFirst(), 0, tenant, principal)).cloudEvent();

        // what the relay costs while nothing is written (ADR 0004 addendum): its poll interval runs on
        var idleBefore = BenchFleet.cpuSeconds("outbox-relay");
        Thread.sleep(IDLE.toMillis());
        var idleShare = (BenchFleet.cpuSeconds("outbox-relay") - idleBefore) / IDLE.toSeconds();

        var ceiling = rawKafka(sample.length);
        var ceilingRate = ceiling.count() / ceiling.seconds();
        // every service warms up on the first rounds: C2 compiles the relay's and the folds' hot paths on the cores they share
        var whole = new java.util.ArrayList<RelayRun>();
        for (int round = 0; round < ROUNDS; round++) {
            whole.add(throughTheRelay(encoder, groups, round == 0 ? tenant : UUID.randomUUID(), principal));
        }
        // the same with the services that fold these events stopped: the writer and the relay
        // alone, where the whole system shares the two cores with three folds of every event
        BenchFleet.stack("down", "projector", "partner-streams", "push-gateway");
        var alone = throughTheRelay(encoder, groups, UUID.randomUUID(), principal);
        // back before the drain, whose clock starts when the relay alone is started again
        BenchFleet.stack("up", "--services");
        var drain = backlogDrain(encoder, groups, principal);

        System.out.printf("%nthe relay while nothing is written: %.1f %% of a core over %d s%n", 100 * idleShare, IDLE.toSeconds());
        System.out.printf("record size: %d bytes (a display_group_renamed CloudEvent)%n", sample.length);
        System.out.printf("raw Kafka producer (ceiling): %,d records in %.2f s = %,.0f records/s%n",
                ceiling.count(), ceiling.seconds(), ceilingRate);
        System.out.printf("outbox -> relay -> Kafka: %,d events (%d per transaction, %d transactions in flight)%n",
                EVENTS, PER_TRANSACTION, CONCURRENCY);
        for (int round = 0; round < ROUNDS; round++) {
            print("every service running, the folds consuming the same events, round " + (round + 1) + " of " + ROUNDS, whole.get(round), ceilingRate);
        }
        print("the folding services stopped (projector, partner streams, push gateway)", alone, ceilingRate);
        System.out.printf("writer alone, the relay stopped: %,d events committed at %,.0f events/s%n", EVENTS, drain.commitRate());
        System.out.printf("relay draining a backlog of %,d events committed while it was stopped: %,.0f events/s (%.0f%% of the ceiling)%n",
                EVENTS, drain.relayRate(), 100 * drain.relayRate() / ceilingRate);
    }

    private static void print(String condition, RelayRun run, double ceilingRate) {
        System.out.printf("  %s:%n", condition);
        System.out.printf("    commits: %.2f s = %,.0f events/s; all consumed after %.2f s = %,.0f events/s (%.0f%% of the ceiling)%n",
                run.commitSeconds(), EVENTS / run.commitSeconds(), run.totalSeconds(), EVENTS / run.totalSeconds(),
                100 * (EVENTS / run.totalSeconds()) / ceilingRate);
        System.out.printf("    commit-to-consume latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                run.latency().p50(), run.latency().p99(), run.latency().max());
    }

    record Drain(double commitRate, double relayRate) {
    }

    /**
     * The relay alone: events are committed while it is stopped, then it is started and the rate
     * between the first and the last arrival is its drain rate (WAL decoding to Kafka acks).
     */
    private static Drain backlogDrain(CloudEventEncoder encoder, List<UUID> groups, Principal principal) throws Exception {
        var tenant = UUID.randomUUID();
        BenchFleet.stack("down", "outbox-relay");
        var writer = Writer.of(encoder);
        Map<UUID, Long> arrivedAt;
        double commitSeconds;
        try (var arrivals = new Arrivals(tenant)) {
            var batches = batches(groups, tenant, principal);
            var started = System.nanoTime();
            Flux.fromIterable(batches).flatMap(writer::commit, CONCURRENCY).blockLast();
            commitSeconds = (System.nanoTime() - started) / 1e9;
            BenchFleet.stack("up", "--services");
            arrivedAt = arrivals.await(EVENTS);
        }
        var first = arrivedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        var last = arrivedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return new Drain(EVENTS / commitSeconds, (EVENTS - 1) / ((last - first) / 1e9));
    }

    /** EVENTS renames spread over the groups, PER_TRANSACTION to a batch. */
    private static List<List<OutboxEvent>> batches(List<UUID> groups, UUID tenant, Principal principal) {
        return IntStream.range(0, EVENTS / PER_TRANSACTION)
                .mapToObj(b -> IntStream.range(b * PER_TRANSACTION, (b + 1) * PER_TRANSACTION)
                        .mapToObj(j -> event(groups.get(j % groups.size()), j, tenant, principal)).toList())
                .toList();
    }

    /** Commits batches of events, each batch in one transaction, as a command would. */
    private record Writer(OutboxWriter outbox, TransactionalOperator transaction) {

        static Writer of(CloudEventEncoder encoder) {
            var connections = TestStack.connectionFactory();
            return new Writer(new OutboxWriter(DatabaseClient.create(connections), encoder),
                    TransactionalOperator.create(new R2dbcTransactionManager(connections)));
        }

        Mono<List<UUID>> commit(List<OutboxEvent> batch) {
            return outbox.appendAll(batch).as(transaction::transactional);
        }
    }

    private static OutboxEvent event(UUID groupId, int sequence, UUID tenant, Principal principal) {
        return new OutboxEvent("vizora.fleet.display_group_renamed.v1", groupId, tenant, principal,
                new GroupRenamed(groupId, "benchmark group " + groupId.toString().substring(0, 8) + " #" + sequence));
    }

    record Ceiling(int count, double seconds) {
    }

    private static Ceiling rawKafka(int recordSize) throws Exception {
        var topic = "bench-ceiling-" + UUID.randomUUID();
        try (var admin = TestStack.kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        var value = new byte[recordSize];
        var count = EVENTS * 2;
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 2_000; i++) {
                producer.send(new ProducerRecord<>(topic, "warm-" + (i % 500), value));
            }
            producer.flush();
            var started = System.nanoTime();
            var acks = new ArrayList<Future<?>>(count);
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 500), value)));
            }
            for (var ack : acks) {
                ack.get();
            }
            return new Ceiling(count, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The relay's producer settings (KafkaPublisher), so the ceiling is a like-for-like one. */
    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    record RelayRun(double commitSeconds, double totalSeconds, Percentiles latency) {
    }

    private static RelayRun throughTheRelay(CloudEventEncoder encoder, List<UUID> groups, UUID tenant, Principal principal) throws Exception {
        var writer = Writer.of(encoder);
        // a relayed event can arrive before the writer hears its commit acknowledged, so arrivals
        // and commits are recorded apart and paired at the end
        var committedAt = new ConcurrentHashMap<UUID, Long>(EVENTS * 2);
        var arrivals = new Arrivals(tenant);
        var arrivedAt = new CompletableFuture<Map<UUID, Long>>();
        Thread.ofPlatform().name("bench-consumer").start(() -> {
            try (arrivals) {
                arrivedAt.complete(arrivals.await(EVENTS));
            } catch (RuntimeException e) {
                arrivedAt.completeExceptionally(e);
            }
        });

        var started = System.nanoTime();
        Flux.fromIterable(batches(groups, tenant, principal))
                .flatMap(batch -> writer.commit(batch)
                        .doOnNext(ids -> {
                            var now = System.nanoTime();
                            ids.forEach(id -> committedAt.put(id, now));
                        }), CONCURRENCY)
                .blockLast();
        var commitSeconds = (System.nanoTime() - started) / 1e9;
        var arrived = arrivedAt.get();
        var lastArrival = arrived.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        var latencies = committedAt.entrySet().stream()
                .mapToLong(entry -> Math.max(0, arrived.get(entry.getKey()) - entry.getValue())).toArray();
        return new RelayRun(commitSeconds, (lastArrival - started) / 1e9, Percentiles.ofNanos(latencies));
    }
}
