package org.healthscore.bench;

import java.util.Arrays;

/**
 * The latencies of one load run, sorted once; percentiles by the nearest-rank method (the smallest sample with
 * at least p% of the samples at or below it), so p99 of 100 samples is the 99th, never an interpolation.
 */
final class Latencies {
    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    static Latencies of(long[] nanos, int count) {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    int count() {
        return sortedNanos.length;
    }

    long percentileNanos(double percent) {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(1, rank) - 1];
    }

    double percentileMillis(double percent) {
        return percentileNanos(percent) / 1e6;
    }
}
