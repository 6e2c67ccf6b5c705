package org.healthscore.bench;

import java.util.Locale;

/**
 * What one closed-loop load run measured: the requests answered inside the measured window, over how long, their
 * latencies, and how many were wrong (not 2xx, or an answer the check refused), with the first such answer.
 */
record LoadResult(int clients, long requests, long errors, double seconds, Latencies latencies, String firstError) {

    double throughput() {
        return requests / seconds;
    }

    double p50Millis() {
        return latencies.percentileMillis(50);
    }

    double p99Millis() {
        return latencies.percentileMillis(99);
    }

    /** p50, p99 and throughput in a few words, for the table. */
    String summary() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %,.0f req/s%s", p50Millis(), p99Millis(),
                throughput(), errors == 0 ? "" : String.format(Locale.ROOT, ", %,d errors", errors));
    }
}
