package org.healthscore.service.evaluation;

import org.healthscore.api.evaluation.OutcomeKind;

/**
 * The AUC of DESIGN.md 3.6 and its account-clustered DeLong interval (Obuchowski 1997).
 *
 * <p>AUC: for CHURN the probability that a positive row scores lower than a negative one, for EXPANSION
 * higher; ties count 1/2. It is computed from an ascending order of the rows in one walk over groups of tied
 * values, O(n) after the O(n) radix order. Counts are kept doubled in {@code long}s (a tie adds
 * 1, a win 2), so the value is one exact integer divided once: no rounding builds up over a million rows.
 *
 * <p>Interval: with M positive and N negative rows and K accounts, per account c {@code V10_c} = sum over its
 * positive rows of (negatives scored healthier + 1/2 ties) / N, {@code V01_c} = sum over its negative rows of
 * (positives scored less healthy + 1/2 ties) / M, and with {@code m_c}, {@code n_c} its positive and negative
 * rows: {@code S10 = K/((K-1)M) sum (V10_c - m_c A)^2}, {@code S01 = K/((K-1)N) sum (V01_c - n_c A)^2},
 * {@code S11 = K/(K-1) sum (V10_c - m_c A)(V01_c - n_c A)}, {@code var = S10/M + S01/N + 2 S11/(M N)}, interval
 * {@code A +- 1.96 sqrt(var)} clipped to [0, 1]. Undefined parts are null: the value with no positive or no
 * negative row, the interval also with fewer than two accounts (K/(K-1)).
 */
final class Auc {

    static final double Z95 = 1.96;

    /** The value and its interval; null where undefined. */
    record Result(Double value, Double low, Double high) {
        static final Result NONE = new Result(null, null, null);
    }

    private Auc() {
    }

    /** The AUC over every row of {@code order}, null with one class only. */
    static Double value(SortOrder order, boolean[] positive, OutcomeKind outcome) {
        return compute(order, positive, outcome, null, 0).value();
    }

    /** The AUC over all non-NaN values of the first {@code n} rows. */
    static Double value(double[] values, boolean[] positive, int n, OutcomeKind outcome) {
        return value(SortOrder.ascending(values, n), positive, outcome);
    }

    /**
     * The AUC with its clustered interval; {@code cluster[row]} is the row's account id, below
     * {@code clusterCount}.
     */
    static Result withInterval(SortOrder order, boolean[] positive, OutcomeKind outcome, int[] cluster,
                               int clusterCount) {
        return compute(order, positive, outcome, cluster, clusterCount);
    }

    private static Result compute(SortOrder sorted, boolean[] positive, OutcomeKind outcome, int[] cluster,
                                  int clusterCount) {
        int[] order = sorted.rows;
        double[] values = sorted.values;
        int len = order.length;
        long m = 0;
        for (int row : order) {
            if (positive[row]) {
                m++;
            }
        }
        long n = len - m;
        if (m == 0 || n == 0) {
            return Result.NONE;
        }
        boolean churn = outcome == OutcomeKind.CHURN;
        // Per account: doubled sums behind V10_c and V01_c, and its positive and negative row counts.
        long[] twice10 = cluster == null ? null : new long[clusterCount];
        long[] twice01 = cluster == null ? null : new long[clusterCount];
        int[] mc = cluster == null ? null : new int[clusterCount];
        int[] nc = cluster == null ? null : new int[clusterCount];

        long twice = 0;
        long negBelow = 0;
        long posBelow = 0;
        int i = 0;
        while (i < len) {
            double value = values[i];
            int j = i;
            long g1 = 0;
            long g0 = 0;
            while (j < len && values[j] == value) {
                if (positive[order[j]]) {
                    g1++;
                } else {
                    g0++;
                }
                j++;
            }
            long negAbove = n - negBelow - g0;
            long posAbove = m - posBelow - g1;
            // A positive row "wins" against each negative scored healthier (CHURN: higher), ties count half.
            long positiveTwice = churn ? 2 * negAbove + g0 : 2 * negBelow + g0;
            // A negative row against each positive scored less healthy (CHURN: lower).
            long negativeTwice = churn ? 2 * posBelow + g1 : 2 * posAbove + g1;
            twice += g1 * positiveTwice;
            if (cluster != null) {
                for (int k = i; k < j; k++) {
                    int row = order[k];
                    int c = cluster[row];
                    if (positive[row]) {
                        twice10[c] += positiveTwice;
                        mc[c]++;
                    } else {
                        twice01[c] += negativeTwice;
                        nc[c]++;
                    }
                }
            }
            negBelow += g0;
            posBelow += g1;
            i = j;
        }
        double auc = twice / (2.0 * m * n);
        if (cluster == null) {
            return new Result(auc, null, null);
        }
        long k = 0;
        double sum10 = 0;
        double sum01 = 0;
        double sum11 = 0;
        for (int c = 0; c < clusterCount; c++) {
            if (mc[c] + nc[c] == 0) {
                continue;
            }
            k++;
            double d10 = twice10[c] / (2.0 * n) - mc[c] * auc;
            double d01 = twice01[c] / (2.0 * m) - nc[c] * auc;
            sum10 += d10 * d10;
            sum01 += d01 * d01;
            sum11 += d10 * d01;
        }
        if (k < 2) {
            return new Result(auc, null, null);
        }
        double factor = k / (k - 1.0);
        double s10 = factor / m * sum10;
        double s01 = factor / n * sum01;
        double s11 = factor * sum11;
        double variance = s10 / m + s01 / n + 2 * s11 / ((double) m * n);
        // The variance is K/(K-1) times a sum of squares, so >= 0; max() only guards rounding.
        double half = Z95 * Math.sqrt(Math.max(0, variance));
        return new Result(auc, Math.max(0, auc - half), Math.min(1, auc + half));
    }
}
