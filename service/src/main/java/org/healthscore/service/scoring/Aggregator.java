package org.healthscore.service.scoring;

import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;

/**
 * Observations to a raw value at asOf (DESIGN.md 3.2). The window's ends are found by an O(log n) search from the
 * newest observation back (see {@link Series#firstIndexAtOrAfter(long, int)}), so the series may hold more history
 * than the window (a year, say) at almost no cost.
 */
public final class Aggregator {

    private Aggregator() {
    }

    /** The raw value and the age of the newest observation, as one measure of a breakdown needs them. */
    public static Aggregate evaluate(Aggregation aggregation, LocalDate asOf, Series series) {
        Window window = Window.ending(asOf, aggregation.windowDays());
        int to = series.firstIndexAtOrAfter(window.endMillis());
        double value = aggregate(aggregation.function(), window, series, to);
        return new Aggregate(Double.isNaN(value) ? null : value, to == 0 ? null : ageDays(asOf, series, to));
    }

    /**
     * The raw value of {@code function} over the {@code windowDays} days ending with {@code asOf}; empty when the
     * window is empty, when a TREND half is empty or its older mean is 0, and when the result is not a finite
     * number (a SUM that overflows, a TREND over a vanishingly small older mean): such a value cannot be scored
     * or written as JSON.
     */
    public static OptionalDouble aggregate(AggregationFunction function, int windowDays, LocalDate asOf, Series series) {
        Window window = Window.ending(asOf, windowDays);
        double value = aggregate(function, window, series, series.firstIndexAtOrAfter(window.endMillis()));
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Whole UTC days between the date of the newest observation at or before the end of {@code asOf} and
     * {@code asOf}; empty when there is none. Not limited to the window, so a measure that is missing because its
     * data went stale still shows how stale. An observation lies in a window of {@code w} days exactly when its
     * ageDays is below {@code w}.
     */
    public static OptionalInt ageDays(LocalDate asOf, Series series) {
        int to = series.firstIndexAtOrAfter(Window.endOfDayExclusive(asOf));
        return to == 0 ? OptionalInt.empty() : OptionalInt.of(ageDays(asOf, series, to));
    }

    private static int ageDays(LocalDate asOf, Series series, int to) {
        long observedDay = Math.floorDiv(series.epochMillis(to - 1), Window.DAY_MILLIS);
        return Math.toIntExact(asOf.toEpochDay() - observedDay);
    }

    /**
     * The value over {@code window}, whose end index {@code to} the caller found; NaN for missing, so the hot path
     * allocates nothing.
     */
    private static double aggregate(AggregationFunction function, Window window, Series series, int to) {
        int from = series.firstIndexAtOrAfter(window.startMillis(), to);
        if (from >= to) {
            return Double.NaN;
        }
        double result = switch (function) {
            case LATEST -> series.value(to - 1); // time order, so the last in the window is the newest
            case AVERAGE -> sum(series, from, to) / (to - from);
            case SUM -> sum(series, from, to);
            case MIN -> min(series, from, to);
            case MAX -> max(series, from, to);
            case COUNT -> to - from;
            case TREND -> trend(series, from, series.firstIndexAtOrAfter(window.middleMillis(), to), to);
        };
        return Double.isFinite(result) ? result : Double.NaN;
    }

    /** NaN (so: missing) when a half is empty or the older mean is 0, as the spec says. */
    private static double trend(Series series, int from, int middle, int to) {
        if (middle == from || middle == to) {
            return Double.NaN;
        }
        double older = sum(series, from, middle) / (middle - from);
        double newer = sum(series, middle, to) / (to - middle);
        if (older == 0) {
            return Double.NaN;
        }
        return (newer - older) / Math.abs(older) * 100;
    }

    private static double sum(Series series, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += series.value(i);
        }
        return sum;
    }

    private static double min(Series series, int from, int to) {
        double min = series.value(from);
        for (int i = from + 1; i < to; i++) {
            min = Math.min(min, series.value(i));
        }
        return min;
    }

    private static double max(Series series, int from, int to) {
        double max = series.value(from);
        for (int i = from + 1; i < to; i++) {
            max = Math.max(max, series.value(i));
        }
        return max;
    }
}
