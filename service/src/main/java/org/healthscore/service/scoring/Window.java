package org.healthscore.service.scoring;

import java.time.LocalDate;

/**
 * The aggregation window of DESIGN.md 3.2 as half-open instants {@code [startMillis, endMillis)}, UTC epoch
 * milliseconds.
 *
 * <p>The spec writes {@code asOf - windowDays < observedAt <= asOf} where a date means the end of that day UTC.
 * Taking "end of day" as its last instant, {@code observedAt <= end(asOf)} is {@code observedAt < start(asOf+1)}
 * and {@code observedAt > end(asOf - windowDays)} is {@code observedAt >= start(asOf - windowDays + 1)}. So an
 * observation at the last millisecond of day {@code asOf - windowDays} is out, one at 00:00Z of the next day
 * is in, one at the last millisecond of {@code asOf} is in, one at 00:00Z after {@code asOf} is out.
 */
public record Window(long startMillis, long endMillis) {

    static final long DAY_MILLIS = 86_400_000L;
    static final long HALF_DAY_MILLIS = DAY_MILLIS / 2;

    public Window {
        if (startMillis > endMillis) {
            throw new IllegalArgumentException("window starts after it ends: " + startMillis + " > " + endMillis);
        }
    }

    /** The {@code windowDays} whole UTC days ending with {@code asOf}. */
    public static Window ending(LocalDate asOf, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be at least 1, was " + windowDays);
        }
        long end = endOfDayExclusive(asOf);
        return new Window(end - windowDays * DAY_MILLIS, end);
    }

    /** The first instant after day {@code asOf} (UTC): the exclusive upper bound of any window ending at asOf. */
    public static long endOfDayExclusive(LocalDate asOf) {
        return Math.multiplyExact(asOf.toEpochDay() + 1, DAY_MILLIS);
    }

    /**
     * Where TREND splits the window: {@code windowDays / 2} days (exactly, so noon for an odd window) before the
     * end. The older half is {@code [start, middle)}, the newer {@code [middle, end)}; by the end-of-day reading
     * above these are the spec's {@code (asOf - windowDays, asOf - windowDays/2]} and
     * {@code (asOf - windowDays/2, asOf]}, and an observation exactly at the middle instant is in the newer half.
     * Both halves are exactly the same length.
     */
    public long middleMillis() {
        // The length is a whole number of days and a day is an even number of milliseconds: the halving is exact.
        return endMillis - (endMillis - startMillis) / 2;
    }

    public boolean contains(long epochMillis) {
        return epochMillis >= startMillis && epochMillis < endMillis;
    }
}
