package org.tessera.crm.bench;

import java.util.Arrays;
import java.util.List;

/** One measured round: requests, seconds and latency percentiles (ms). */
record Stats(long requests, long errors, double seconds, double p50, double p95, double p99) {

    double throughput() {
        return requests / seconds;
    }

    static Stats of(long[] latenciesNanos, int count, long errors, double seconds) {
        long[] sorted = Arrays.copyOf(latenciesNanos, count);
        Arrays.sort(sorted);
        return new Stats(count, errors, seconds, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99));
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** The median of each figure over the rounds. */
    static Stats median(List<Stats> rounds) {
        return new Stats(rounds.stream().mapToLong(Stats::requests).sum(), rounds.stream().mapToLong(Stats::errors).sum(),
                median(rounds.stream().mapToDouble(s -> s.seconds / s.requests).toArray()) * 1,
                median(rounds.stream().mapToDouble(Stats::p50).toArray()),
                median(rounds.stream().mapToDouble(Stats::p95).toArray()),
                median(rounds.stream().mapToDouble(Stats::p99).toArray()));
    }

    static double medianThroughput(List<Stats> rounds) {
        return median(rounds.stream().mapToDouble(Stats::throughput).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
