package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.RedundantPair;

/**
 * Spearman's rho between measure scores and the redundant pairs of DESIGN.md 3.6: |rho| >= 0.8, with
 * mid-ranks (ties share the mean of their ranks) over the rows where both measures have a value. rho is the
 * Pearson correlation of the two rank columns; a pair where it is undefined (fewer than two rows, or a
 * constant measure) is no pair.
 *
 * <p>Ranks come from each measure's ascending order, computed once: when one measure has a value wherever the
 * other has, its own ranks serve the pair as they are; otherwise the pair's ranks are one filtered walk of the
 * order, O(n), with no sort per pair.
 */
final class Spearman {

    static final double REDUNDANT = 0.8;

    private Spearman() {
    }

    /**
     * Mid-ranks (1-based) of the rows of {@code order} that {@code keep} (null: all) keeps; NaN for every other
     * row of {@code 0..n-1}.
     */
    static double[] midRanks(SortOrder order, boolean[] keep, int n) {
        double[] ranks = new double[n];
        Arrays.fill(ranks, Double.NaN);
        int[] rows = order.rows;
        double[] values = order.values;
        int len = rows.length;
        int position = 0;
        int i = 0;
        while (i < len) {
            double value = values[i];
            int j = i;
            int kept = 0;
            while (j < len && values[j] == value) {
                if (keep == null || keep[rows[j]]) {
                    kept++;
                }
                j++;
            }
            // Ranks position+1 .. position+kept, their mean for each of the tied rows.
            double rank = position + (kept + 1) / 2.0;
            for (int k = i; k < j; k++) {
                int row = rows[k];
                if (keep == null || keep[row]) {
                    ranks[row] = rank;
                }
            }
            position += kept;
            i = j;
        }
        return ranks;
    }

    /** Pearson's correlation of two mid-rank columns over the rows where both are defined; null if undefined. */
    static Double rho(double[] ranksA, double[] ranksB, int n) {
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(ranksA[i]) && !Double.isNaN(ranksB[i])) {
                count++;
            }
        }
        if (count < 2) {
            return null;
        }
        // Mid-ranks over the same rows always average (count + 1) / 2: no first pass for the means.
        double mean = (count + 1) / 2.0;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double a = ranksA[i];
            double b = ranksB[i];
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                double da = a - mean;
                double db = b - mean;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        if (saa == 0 || sbb == 0) {
            return null;
        }
        double rho = sab / Math.sqrt(saa * sbb);
        return Ratios.finite(Math.max(-1, Math.min(1, rho)));
    }

    /** rho of two value columns over the first n rows (the direct definition; used for single pairs and tests). */
    static Double rhoOfValues(double[] a, double[] b, int n) {
        SortOrder orderA = SortOrder.ascending(a, n);
        SortOrder orderB = SortOrder.ascending(b, n);
        return rho(midRanks(orderA, present(b, n), n), midRanks(orderB, present(a, n), n), n);
    }

    /**
     * The pairs (in scorecard order: a before b) with |rho| >= 0.8; {@code orders[m]} is the ascending order of
     * measure m over its rows with a value.
     */
    static List<RedundantPair> redundantPairs(List<String> metrics, SortOrder[] orders, int n) {
        int measures = orders.length;
        // Which rows have a value, for the measures that miss some (null: every row has one).
        boolean[][] present = new boolean[measures][];
        for (int m = 0; m < measures; m++) {
            if (orders[m].size() < n) {
                present[m] = new boolean[n];
                for (int row : orders[m].rows) {
                    present[m][row] = true;
                }
            }
        }
        double[][] own = new double[measures][];
        List<RedundantPair> pairs = new ArrayList<>();
        for (int a = 0; a < measures; a++) {
            for (int b = a + 1; b < measures; b++) {
                long both = bothPresent(orders[a], present[a], orders[b], present[b], n);
                double[] ranksA = both == orders[a].size() ? ownRanks(own, a, orders, n)
                        : midRanks(orders[a], present[b], n);
                double[] ranksB = both == orders[b].size() ? ownRanks(own, b, orders, n)
                        : midRanks(orders[b], present[a], n);
                Double rho = rho(ranksA, ranksB, n);
                if (rho != null && Math.abs(rho) >= REDUNDANT) {
                    pairs.add(new RedundantPair(metrics.get(a), metrics.get(b), rho));
                }
            }
        }
        return pairs;
    }

    /** Rows where both measures have a value; counted only when both miss some. */
    private static long bothPresent(SortOrder a, boolean[] presentA, SortOrder b, boolean[] presentB, int n) {
        if (presentA == null) {
            return b.size();
        }
        if (presentB == null) {
            return a.size();
        }
        long both = 0;
        for (int i = 0; i < n; i++) {
            if (presentA[i] && presentB[i]) {
                both++;
            }
        }
        return both;
    }

    private static boolean[] present(double[] column, int n) {
        boolean[] present = new boolean[n];
        for (int i = 0; i < n; i++) {
            present[i] = !Double.isNaN(column[i]);
        }
        return present;
    }

    private static double[] ownRanks(double[][] cache, int m, SortOrder[] orders, int n) {
        if (cache[m] == null) {
            cache[m] = midRanks(orders[m], null, n);
        }
        return cache[m];
    }
}
