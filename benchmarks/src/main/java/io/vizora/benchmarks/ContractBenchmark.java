package io.vizora.benchmarks;

import io.vizora.schemas.EventContract;
import io.vizora.schemas.PlayReports;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The contract check every producer and consumer makes per event ({@link EventContract}), on the
 * golden sample of every event type, on a play report alone (the most frequent event before ADR
 * 0033) and on a report of 500 plays (what the gateway and the plays' readers check now), beside
 * its ceiling: parsing the same bytes into a tree, which every reader does anyway. One thread, no
 * stack; each figure is the best of five two-second rounds after a warm-up, since a single round on
 * these shared cores is noise.
 */
public final class ContractBenchmark {

    private static final long ROUND_NANOS = 2_000_000_000L;

    public static void main(String[] args) {
        var contract = EventContract.load();
        var all = contract.catalogue().eventTypes().stream().map(ContractBenchmark::sample).toList();
        var plays = List.of(sample("vizora.playback.play_reported.v1"));
        var report = List.of(fullReport());
        var mapper = JsonMapper.shared();
        Consumer<byte[]> parse = mapper::readTree;
        Consumer<byte[]> check = event -> {
            if (!contract.violations(event).isEmpty()) {
                throw new IllegalStateException("a golden sample breaks the contract");
            }
        };
        System.out.printf("contract check, one thread (%d event types' golden samples; ceiling: parsing the same bytes)%n", all.size());
        for (var run : List.of(new Run("every type", all, 1), new Run("play reports", plays, 1),
                new Run("reports of " + PlayReports.MAX_PLAYS, report, PlayReports.MAX_PLAYS))) {
            var ceiling = bestRate(run.events(), parse);
            var checked = bestRate(run.events(), check);
            var perPlay = run.plays() > 1 ? String.format(", %.2f µs a play", 1e6 / checked / run.plays()) : "";
            System.out.printf("  %-15s checked %,9.0f events/s (%.1f µs each%s); ceiling, parsed only: %,10.0f events/s;"
                            + " check at %.0f%% of the ceiling%n",
                    run.name(), checked, 1e6 / checked, perPlay, ceiling, 100 * checked / ceiling);
        }
    }

    /** Events of one kind, each holding {@code plays} plays (1 for events that are not reports). */
    private record Run(String name, List<byte[]> events, int plays) {
    }

    /** A report of as many plays as a batch may hold (ADR 0033): the golden sample's plays, repeated. */
    private static byte[] fullReport() {
        var mapper = JsonMapper.shared();
        var report = (ObjectNode) mapper.readTree(sample(PlayReports.REPORT));
        var plays = (ArrayNode) report.get("data").get("plays");
        var sampled = List.copyOf(plays.valueStream().toList());
        plays.removeAll();
        for (int i = 0; i < PlayReports.MAX_PLAYS; i++) {
            plays.add(sampled.get(i % sampled.size()).deepCopy());
        }
        return mapper.writeValueAsBytes(report);
    }

    /** Events per second, the best of five rounds after two rounds of warm-up. */
    private static double bestRate(List<byte[]> events, Consumer<byte[]> work) {
        var best = 0.0;
        for (int round = 0; round < 7; round++) {
            long count = 0;
            var start = System.nanoTime();
            long elapsed;
            do {
                for (var event : events) {
                    work.accept(event);
                }
                count += events.size();
                elapsed = System.nanoTime() - start;
            } while (elapsed < ROUND_NANOS);
            if (round >= 2) {
                best = Math.max(best, count * 1e9 / elapsed);
            }
        }
        return best;
    }

    private static byte[] sample(String eventType) {
        try (var in = ContractBenchmark.class.getClassLoader().getResourceAsStream("vizora/samples/" + eventType + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no golden sample of " + eventType);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
