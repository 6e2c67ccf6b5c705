package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.RocPoint;
import org.healthscore.api.evaluation.OutcomeKind;

/**
 * The ROC curve the report draws: thresholds swept in order of riskiness (CHURN: lowest scores first,
 * EXPANSION: highest first), each group of tied scores taken together, from (0, 0) to (1, 1). Ties joined by one
 * straight segment make the trapezoid area under the curve the AUC with ties counted 1/2, so the chart and the
 * number agree. Empty with one class only (no rate is defined).
 *
 * <p>A chart needs no more than {@value #MAX_POINTS} points: longer curves keep that many, evenly spaced along the
 * sweep, the two ends always among them.
 */
final class RocCurve {

    static final int MAX_POINTS = 200;

    private RocCurve() {
    }

    /** {@code sorted}: the rows in ascending order of score. */
    static List<RocPoint> of(SortOrder sorted, boolean[] positive, OutcomeKind outcome) {
        int[] order = sorted.rows;
        double[] values = sorted.values;
        int n = order.length;
        long m = 0;
        for (int row : order) {
            if (positive[row]) {
                m++;
            }
        }
        long negatives = n - m;
        if (m == 0 || negatives == 0) {
            return List.of();
        }
        boolean churn = outcome == OutcomeKind.CHURN;
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(0, 0));
        long tp = 0;
        long fp = 0;
        // CHURN walks the order up from the lowest score, EXPANSION down from the highest.
        int i = churn ? 0 : n - 1;
        int step = churn ? 1 : -1;
        while (i >= 0 && i < n) {
            double value = values[i];
            while (i >= 0 && i < n && values[i] == value) {
                if (positive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i += step;
            }
            points.add(new RocPoint((double) fp / negatives, (double) tp / m));
        }
        return List.copyOf(downsample(points));
    }

    /** At most {@link #MAX_POINTS} points, evenly spaced by index, first and last kept. */
    static List<RocPoint> downsample(List<RocPoint> points) {
        int size = points.size();
        if (size <= MAX_POINTS) {
            return points;
        }
        List<RocPoint> out = new ArrayList<>(MAX_POINTS);
        for (int k = 0; k < MAX_POINTS; k++) {
            out.add(points.get((int) Math.round((double) k * (size - 1) / (MAX_POINTS - 1))));
        }
        return out;
    }
}
