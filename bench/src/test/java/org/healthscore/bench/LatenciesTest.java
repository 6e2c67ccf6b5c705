package org.healthscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        // 1..100 ms, shuffled: p50 is the 50th smallest, p99 the 99th, p100 the largest.
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> (i * 37 % 101) * 1_000_000L).toArray();
        Latencies latencies = Latencies.of(nanos, nanos.length);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void aFewSamplesGiveTheirLargestForP99AndNoInterpolation() {
        Latencies latencies = Latencies.of(new long[] {3_000_000, 1_000_000, 2_000_000, 0}, 3);

        assertThat(latencies.count()).as("only the first three samples count").isEqualTo(3);
        assertThat(latencies.percentileMillis(50)).isEqualTo(2.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(3.0);
        assertThat(latencies.percentileNanos(1)).isEqualTo(1_000_000);
    }

    @Test
    void noSamplesOrAPercentOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Latencies.of(new long[0], 0).percentileMillis(50))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Latencies.of(new long[] {1}, 1).percentileMillis(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.of(new long[] {1}, 1).percentileMillis(101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoadResultSummarisesPercentilesThroughputAndErrors() {
        Latencies latencies = Latencies.of(new long[] {1_000_000, 2_000_000, 4_000_000, 8_000_000}, 4);

        LoadResult clean = new LoadResult(32, 4, 0, 2.0, latencies, null);
        LoadResult failing = new LoadResult(32, 4, 1, 2.0, latencies, "500: boom");

        assertThat(clean.throughput()).isEqualTo(2.0);
        assertThat(clean.summary()).isEqualTo("p50 2.0 ms, p99 8.0 ms, 2 req/s");
        assertThat(failing.summary()).endsWith(", 1 errors");
    }
}
