package org.healthscore.service.scoring;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The observations of one metric for one account, in time order, held as two parallel primitive arrays.
 *
 * <p>Why arrays rather than a list of {@link Point}: a year of daily observations is read by binary search and
 * tight loops for every score, and primitives keep that cache-friendly and free of boxing. The arrays are
 * copied on the way in and never handed out, so a series is immutable.
 *
 * <p>Instants may repeat (the database's key forbids it, but nothing here depends on that); among equal
 * instants the input order is kept, so LATEST takes the one given last.
 */
public final class Series {

    public static final Series EMPTY = new Series(new long[0], new double[0]);

    private final long[] epochMillis;
    private final double[] values;

    private Series(long[] epochMillis, double[] values) {
        this.epochMillis = epochMillis;
        this.values = values;
    }

    /** Points in any order; they are sorted by instant (stable, so equal instants keep their order). */
    public static Series of(List<Point> points) {
        Point[] sorted = points.toArray(Point[]::new);
        Arrays.sort(sorted, Comparator.comparingLong(Point::epochMillis));
        long[] times = new long[sorted.length];
        double[] values = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            times[i] = sorted[i].epochMillis();
            values[i] = sorted[i].value();
        }
        return new Series(times, values);
    }

    public static Series of(Point... points) {
        return of(List.of(points));
    }

    /** Parallel arrays already in time order (as a database read ordered by instant returns them); copied. */
    public static Series ofSorted(long[] epochMillis, double[] values) {
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("epochMillis and values differ in length: "
                    + epochMillis.length + " and " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0 && epochMillis[i] < epochMillis[i - 1]) {
                throw new IllegalArgumentException("epochMillis must be in ascending order; index " + i
                        + " (" + epochMillis[i] + ") is before index " + (i - 1) + " (" + epochMillis[i - 1] + ")");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value at index " + i + " must be finite, was " + values[i]);
            }
        }
        return new Series(epochMillis.clone(), values.clone());
    }

    public int size() {
        return values.length;
    }

    public long epochMillis(int index) {
        return epochMillis[index];
    }

    public double value(int index) {
        return values[index];
    }

    public Point point(int index) {
        return new Point(epochMillis[index], values[index]);
    }

    /** The index of the first observation at or after {@code instant}; {@link #size()} when there is none. */
    public int firstIndexAtOrAfter(long instant) {
        return firstIndexAtOrAfter(instant, epochMillis.length);
    }

    /**
     * The index of the first observation at or after {@code instant} among the first {@code limit}; {@code limit}
     * when there is none. A caller that found the window's end passes it here to find the start.
     *
     * <p>The search gallops back from {@code limit} (1, 2, 4, ... observations) before it bisects: a window ends
     * at asOf, usually at or near the newest observation, so this touches only the tail of the arrays, which the
     * aggregation is about to read anyway, rather than cache lines spread over a year of history.
     */
    public int firstIndexAtOrAfter(long instant, int limit) {
        if (limit < 0 || limit > epochMillis.length) {
            throw new IndexOutOfBoundsException("limit " + limit + " outside 0.." + epochMillis.length);
        }
        // Invariant: every index >= hi (below limit) is at or after instant; every index < lo is before it.
        int hi = limit;
        int lo = 0;
        for (int step = 1; hi > 0; step <<= 1) {
            int probe = Math.max(0, hi - step);
            if (epochMillis[probe] < instant) {
                lo = probe + 1;
                break;
            }
            hi = probe;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (epochMillis[mid] < instant) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series s && Arrays.equals(epochMillis, s.epochMillis) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochMillis) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series[" + values.length + " observations]";
    }
}
