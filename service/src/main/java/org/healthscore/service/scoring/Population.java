package org.healthscore.service.scoring;

import java.util.Arrays;
import java.util.Collection;

/**
 * The values of one measure at one asOf over the PERCENTILE population (DESIGN.md 3.3: every account the
 * scorecard version applies to, active at asOf, with a value). Sorted once when built, then each rank is two
 * binary searches, so scoring n accounts against it costs O(n log n) in all rather than O(n^2).
 */
public final class Population {

    private final double[] sorted;

    private Population(double[] sorted) {
        this.sorted = sorted;
    }

    public static Population of(double... values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("population value at index " + i + " must be finite, was "
                        + values[i]);
            }
            // Adding 0.0 turns -0.0 into 0.0: Arrays.sort orders -0.0 before 0.0 but the comparisons below treat
            // them as equal, and a MIN over negative zeros must tie with a plain 0.
            copy[i] = values[i] + 0.0;
        }
        Arrays.sort(copy);
        return new Population(copy);
    }

    public static Population of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public int size() {
        return sorted.length;
    }

    /**
     * The mid-rank percentile of {@code v}: {@code (count(x < v) + 0.5 * count(x == v)) / n * 100}. {@code v}
     * need not be in the population (the formula still holds); an empty population has no percentile.
     */
    public double percentile(double v) {
        if (sorted.length == 0) {
            throw new IllegalStateException("PERCENTILE needs a non-empty population: the account being scored has a"
                    + " value, so the population it belongs to cannot be empty; build it from the same values");
        }
        int below = firstIndex(v, false);
        int atOrBelow = firstIndex(v, true);
        return (below + 0.5 * (atOrBelow - below)) / sorted.length * 100;
    }

    /** The first index whose value is {@code >= v} ({@code orEqual == false}) or {@code > v} (true). */
    private int firstIndex(double v, boolean orEqual) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || (orEqual && sorted[mid] == v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "Population[" + sorted.length + " values]";
    }
}
