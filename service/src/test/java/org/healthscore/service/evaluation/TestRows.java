package org.healthscore.service.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.scorecard.MissingDataPolicy;

/** Small builders for the evaluation tests: designs and rows without ceremony. */
final class TestRows {

    static final LocalDate DAY = LocalDate.of(2025, 1, 31);

    private TestRows() {
    }

    /** A design with the given measures, equal weights of 1, default bands 40/70, RENORMALIZE at 0.6. */
    static EvaluationDesign design(OutcomeKind outcome, String... metrics) {
        return new EvaluationDesign(outcome, List.of(metrics), Collections.nCopies(metrics.length, 1.0), 40, 70,
                MissingDataPolicy.RENORMALIZE, 0.6, List.of());
    }

    static EvaluationDesign design(OutcomeKind outcome, List<String> metrics, List<Double> weights) {
        return new EvaluationDesign(outcome, metrics, weights, 40, 70, MissingDataPolicy.RENORMALIZE, 0.6, List.of());
    }

    /**
     * Score-only rows (no measures): row i belongs to {@code accounts[i]}, scores {@code scores[i]}, label
     * {@code y[i]}; each account's k-th row is dated k months after {@link #DAY}, so (account, asOf) is unique.
     */
    static EvaluationRows scoreOnly(String[] accounts, double[] scores, boolean[] y) {
        EvaluationRows.Builder builder = EvaluationRows.builder(0, 0);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            int k = seen.merge(accounts[i], 1, Integer::sum) - 1;
            LocalDate asOf = DAY.plusMonths(k);
            builder.add(accounts[i], asOf, null, Double.isNaN(scores[i]) ? null : scores[i], new double[0], null, y[i],
                    y[i] ? asOf.plusDays(30) : null);
        }
        return builder.build();
    }

    /** One row per account ("a0", "a1", ...), all on {@link #DAY}. */
    static EvaluationRows scoreOnly(double[] scores, boolean[] y) {
        String[] accounts = new String[scores.length];
        for (int i = 0; i < scores.length; i++) {
            accounts[i] = "a" + i;
        }
        return scoreOnly(accounts, scores, y);
    }

    static boolean[] labels(int... y) {
        boolean[] out = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] == 1;
        }
        return out;
    }

    static EvaluationResult evaluate(EvaluationDesign design, EvaluationRows rows) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!dates.contains(rows.asOf(i))) {
                dates.add(rows.asOf(i));
            }
        }
        Collections.sort(dates);
        return Evaluator.evaluate(design, rows, dates, List.of());
    }
}
