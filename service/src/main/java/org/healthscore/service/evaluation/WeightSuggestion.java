package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.Comparison;
import org.healthscore.api.evaluation.EvaluationReport.SuggestedWeights;
import org.healthscore.api.evaluation.EvaluationReport.Weight;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.scorecard.MissingDataPolicy;

/**
 * Suggested weights (DESIGN.md 3.6): the sign-constrained logistic fit ({@link ConstrainedLogistic}) of y on the
 * measure scores / 100 over the scored rows; weights proportional to {@code |b_i|} summing to 100 (a measure
 * whose bound binds gets 0; every coefficient 0: no suggestion, each {@code suggested} null), with the
 * cross-validated AUC of current and suggested weights ({@link CrossValidation}) and, given at least 3 asOf
 * dates, the forward check ({@link ForwardCheck}).
 *
 * <p>Current weights are scored by the same formula as the fitted ones (not read from the rows' stored
 * scores), so the two AUCs of a comparison differ only by the weights. A fit needs both classes among its rows;
 * without them (or with no measures at all) there is nothing to suggest. Fold and forward fits start from the
 * full fit's optimum: the same optimum is reached, in fewer Newton steps.
 */
final class WeightSuggestion {

    /** The report's record, and what the findings need besides it. */
    record Result(SuggestedWeights weights, ConstrainedLogistic.Fit fit, double[] suggested, ForwardCheck forward) {
    }

    /** The scorecard formula with the design's missing-data policy, for any weights. */
    record Scoring(MissingDataPolicy policy, double minCoverage) {
        ScorecardFormula with(double[] weights) {
            return new ScorecardFormula(weights, policy, minCoverage);
        }
    }

    private WeightSuggestion() {
    }

    static Result of(EvaluationDesign design, Sample sample) {
        int p = design.metrics().size();
        OutcomeKind outcome = design.outcome();
        double[] current = design.weights().stream().mapToDouble(Double::doubleValue).toArray();
        Scoring scoring = new Scoring(design.policy(), design.minCoverage());
        int[] sign = new int[p];
        Arrays.fill(sign, outcome == OutcomeKind.CHURN ? -1 : 1);

        FeatureMatrix data = FeatureMatrix.ofScores(sample.measures, sample.n, sample.positive);
        ConstrainedLogistic.Fit fit = p == 0 ? null : ConstrainedLogistic.fit(data, null, sign, null);
        double[] suggested = weights(fit);
        double[] warmStart = fit == null ? null : start(fit);

        Double cvCurrent = Auc.value(scoring.with(current).scores(sample.measures, sample.n, null), sample.positive,
                sample.n, outcome);
        Double cvSuggested = fit == null ? null : CrossValidation.suggestedAuc(sample, data,
                CrossValidation.folds(sample), sign, warmStart, scoring, outcome);
        ForwardCheck forward = ForwardCheck.of(sample, data, sign, warmStart, current, scoring, outcome);

        List<Weight> weights = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            weights.add(new Weight(design.metrics().get(j), current[j], suggested == null ? null : suggested[j]));
        }
        return new Result(new SuggestedWeights(List.copyOf(weights), new Comparison(cvCurrent, cvSuggested),
                forward == null ? null : forward.auc()), fit, suggested, forward);
    }

    /** Weights proportional to |b_i| summing to 100; null without a fit or when every coefficient is 0. */
    static double[] weights(ConstrainedLogistic.Fit fit) {
        if (fit == null || fit.allZero()) {
            return null;
        }
        double[] b = fit.coefficients();
        double sum = 0;
        for (double c : b) {
            sum += Math.abs(c);
        }
        double[] w = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            w[j] = 100 * (Math.abs(b[j]) / sum); // a lone coefficient gets exactly 100
        }
        return w;
    }

    private static double[] start(ConstrainedLogistic.Fit fit) {
        double[] start = new double[fit.coefficients().length + 1];
        start[0] = fit.intercept();
        System.arraycopy(fit.coefficients(), 0, start, 1, fit.coefficients().length);
        return start;
    }
}
