package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.Decile;
import org.healthscore.api.evaluation.OutcomeKind;

/**
 * Lift per score decile (DESIGN.md 3.6): rows in order of riskiness (CHURN: ascending score, EXPANSION:
 * descending), the decile of a row {@code floor(10 * (rows strictly riskier) / n) + 1}, so tied scores share a
 * decile and a decile may be empty. Always ten entries; rate and lift null where undefined.
 */
final class Deciles {

    private Deciles() {
    }

    /** {@code order}: the sample's rows in ascending order of score. */
    static List<Decile> of(Sample sample, SortOrder sorted, OutcomeKind outcome) {
        long[] rows = new long[10];
        long[] positives = new long[10];
        int[] order = sorted.rows;
        double[] score = sorted.values;
        int n = order.length;
        int i = 0;
        while (i < n) {
            double value = score[i];
            int j = i;
            long groupPositives = 0;
            while (j < n && score[j] == value) {
                if (sample.positive[order[j]]) {
                    groupPositives++;
                }
                j++;
            }
            // Riskier than this group: for CHURN the rows below it, for EXPANSION the rows above it.
            long riskier = outcome == OutcomeKind.CHURN ? i : n - j;
            int decile = (int) (10 * riskier / n);
            rows[decile] += j - i;
            positives[decile] += groupPositives;
            i = j;
        }
        Double base = sample.baseRate();
        List<Decile> out = new ArrayList<>(10);
        for (int d = 0; d < 10; d++) {
            Double rate = Ratios.ratio(positives[d], rows[d]);
            out.add(new Decile(d + 1, rows[d], positives[d], rate, Ratios.ratio(rate, base)));
        }
        return out;
    }
}
