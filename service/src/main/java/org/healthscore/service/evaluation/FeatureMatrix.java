package org.healthscore.service.evaluation;

/**
 * The logistic regression's inputs: {@code x} row-major ({@code n} rows of {@code p} features, feature j of row
 * i at {@code i * p + j}, NaN where the measure has no value) so one row's features sit together in memory
 * during the fit's pass, and the label per row.
 */
record FeatureMatrix(double[] x, int p, int n, boolean[] y) {

    /** Measure scores to features: {@code score / 100} (DESIGN.md 3.6), the first {@code n} rows of each column. */
    static FeatureMatrix ofScores(double[][] columns, int n, boolean[] y) {
        int p = columns.length;
        double[] x = new double[Math.multiplyExact(n, Math.max(p, 1))];
        for (int j = 0; j < p; j++) {
            double[] column = columns[j];
            for (int i = 0; i < n; i++) {
                x[i * p + j] = column[i] / 100;
            }
        }
        return new FeatureMatrix(x, p, n, y);
    }

    /**
     * Each feature's mean over the given rows (null: all) where it has a value: the imputation of a fit over
     * those rows. 0 for a feature with no value at all.
     */
    double[] means(int[] rows) {
        double[] sum = new double[p];
        long[] count = new long[p];
        int rowCount = rows == null ? n : rows.length;
        for (int k = 0; k < rowCount; k++) {
            int base = (rows == null ? k : rows[k]) * p;
            for (int j = 0; j < p; j++) {
                double v = x[base + j];
                if (v == v) {
                    sum[j] += v;
                    count[j]++;
                }
            }
        }
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = count[j] == 0 ? 0 : sum[j] / count[j];
        }
        return mean;
    }
}
