package org.healthscore.service.evaluation;

import java.util.Arrays;
import org.healthscore.api.scorecard.MissingDataPolicy;

/**
 * The scorecard's score from measure scores and weights (DESIGN.md 3.4), to score rows with weights other than
 * the ones that produced their stored score (the cross-validation's fitted weights, and the current ones on the
 * same footing). {@code score = sum(w_i s_i) / sum(w_i)} over the measures that count under the policy
 * (RENORMALIZE: those with a value; NEUTRAL: all, missing scoring 50; ZERO: all, missing scoring 0);
 * {@code coverage = weight with a value / total weight}; no score (NaN) when coverage is below
 * {@code minCoverage} (within the scoring core's 1e-12) or no weight counts. A measure of weight 0 takes no part
 * at all, as if the scorecard did not hold it. Mirrors the scoring core's {@code ScoreCalculator}, which this
 * package may not depend on.
 */
final class ScorecardFormula {

    static final double COVERAGE_TOLERANCE = 1e-12;

    private final double[] weights;
    private final double totalWeight;
    private final double imputed;
    private final double minCoverage;

    ScorecardFormula(double[] weights, MissingDataPolicy policy, double minCoverage) {
        this.weights = weights.clone();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        this.totalWeight = total;
        this.imputed = switch (policy) {
            case RENORMALIZE -> Double.NaN;
            case NEUTRAL -> 50;
            case ZERO -> 0;
        };
        this.minCoverage = minCoverage;
    }

    /** Scores for the given rows (null: rows {@code 0..n-1}); NaN for rows not given or not scored. */
    double[] scores(double[][] measures, int n, int[] rows) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        if (!(totalWeight > 0)) {
            return out;
        }
        int count = rows == null ? n : rows.length;
        int m = weights.length;
        for (int k = 0; k < count; k++) {
            int row = rows == null ? k : rows[k];
            double covered = 0;
            double counting = 0;
            double sum = 0;
            for (int j = 0; j < m; j++) {
                double w = weights[j];
                if (w == 0) {
                    continue;
                }
                double s = measures[j][row];
                if (s == s) {
                    covered += w;
                } else if (imputed == imputed) {
                    s = imputed;
                } else {
                    continue;
                }
                counting += w;
                sum += w * s;
            }
            if (covered / totalWeight >= minCoverage - COVERAGE_TOLERANCE && counting > 0) {
                // A weighted mean of 0-100 values is in 0-100; only rounding could push it a hair outside.
                out[row] = Math.max(0, Math.min(100, sum / counting)) + 0.0;
            }
        }
        return out;
    }
}
