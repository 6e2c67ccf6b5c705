package org.healthscore.service.evaluation;

/**
 * Rows in ascending order of a double column, NaN (no value) left out: {@code rows[k]} is the k-th row and
 * {@code values[k]} its value, so walks over the order read the values in sequence instead of jumping around a
 * million-row column. Every rank statistic here (AUC, its clustered interval, deciles, Spearman's mid-ranks)
 * walks such an order in groups of tied values.
 *
 * <p>Built by an LSD radix sort on the 64-bit order-preserving image of each double, carrying the row index: O(n),
 * no boxing and no comparator, which is what lets a million rows be ordered a dozen times within the benchmark's
 * budget. 11-bit digits (6 passes) keep the histogram and the scatter targets within the CPU's caches; a digit
 * that is the same in every key is skipped. Stable, so tied rows stay in row order.
 */
final class SortOrder {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int MASK = BUCKETS - 1;
    private static final int PASSES = (Long.SIZE + BITS - 1) / BITS;

    /** The rows, ascending by value; ties in row order (or in the given order of a subset). */
    final int[] rows;
    /** {@code values[k]} is the value of {@code rows[k]} ({@code -0.0} read as {@code 0.0}). */
    final double[] values;

    private SortOrder(int[] rows, double[] values) {
        this.rows = rows;
        this.values = values;
    }

    int size() {
        return rows.length;
    }

    /** The rows {@code 0..n-1} whose value is not NaN, in ascending order of value. */
    static SortOrder ascending(double[] column, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(column[i])) {
                count++;
            }
        }
        int[] rows = new int[count];
        long[] keys = new long[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double v = column[i];
            if (!Double.isNaN(v)) {
                rows[k] = i;
                keys[k++] = key(v);
            }
        }
        return sort(keys, rows);
    }

    /** The given rows whose value is not NaN, in ascending order of value (ties in the given order). */
    static SortOrder ascending(double[] column, int[] subset, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(column[subset[i]])) {
                kept++;
            }
        }
        int[] rows = new int[kept];
        long[] keys = new long[kept];
        int k = 0;
        for (int i = 0; i < count; i++) {
            double v = column[subset[i]];
            if (!Double.isNaN(v)) {
                rows[k] = subset[i];
                keys[k++] = key(v);
            }
        }
        return sort(keys, rows);
    }

    private static SortOrder sort(long[] keys, int[] rows) {
        int n = rows.length;
        if (n > 1) {
            // Every digit's histogram in one reading of the keys.
            int[][] counts = new int[PASSES][BUCKETS];
            for (long key : keys) {
                for (int p = 0; p < PASSES; p++) {
                    counts[p][(int) (key >>> (p * BITS)) & MASK]++;
                }
            }
            long[] keysOut = new long[n];
            int[] rowsOut = new int[n];
            for (int p = 0; p < PASSES; p++) {
                int shift = p * BITS;
                int[] count = counts[p];
                if (count[(int) (keys[0] >>> shift) & MASK] == n) {
                    continue;
                }
                int start = 0;
                for (int b = 0; b < BUCKETS; b++) {
                    int c = count[b];
                    count[b] = start;
                    start += c;
                }
                for (int i = 0; i < n; i++) {
                    long key = keys[i];
                    int at = count[(int) (key >>> shift) & MASK]++;
                    keysOut[at] = key;
                    rowsOut[at] = rows[i];
                }
                long[] swapKeys = keys;
                keys = keysOut;
                keysOut = swapKeys;
                int[] swapRows = rows;
                rows = rowsOut;
                rowsOut = swapRows;
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = value(keys[i]);
        }
        return new SortOrder(rows, values);
    }

    /**
     * An unsigned-order image of a double: flip the sign bit of a non-negative value, every bit of a negative
     * one. {@code -0.0} is folded into {@code 0.0} first so the two tie.
     */
    static long key(double value) {
        long bits = Double.doubleToRawLongBits(value + 0.0);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    /** The inverse of {@link #key}. */
    static double value(long key) {
        long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
        return Double.longBitsToDouble(bits);
    }
}
