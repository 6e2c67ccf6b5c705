package org.healthscore.service.scoring;

import java.time.Instant;

/** One observation of one metric for one account: a value at an instant (UTC epoch milliseconds). */
public record Point(long epochMillis, double value) {

    public Point {
        // Observations are validated at ingestion; a NaN or an infinity here would poison every sum silently.
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, was " + value);
        }
    }

    public static Point at(Instant observedAt, double value) {
        return new Point(observedAt.toEpochMilli(), value);
    }

    public static Point at(String isoInstant, double value) {
        return at(Instant.parse(isoInstant), value);
    }
}
