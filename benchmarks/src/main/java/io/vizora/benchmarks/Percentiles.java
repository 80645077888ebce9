package io.vizora.benchmarks;

import java.util.Arrays;

/** Percentiles of a set of latencies, in milliseconds. */
record Percentiles(double p50, double p99, double max) {

    static Percentiles ofNanos(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        var index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
