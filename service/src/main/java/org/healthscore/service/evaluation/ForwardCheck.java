package org.healthscore.service.evaluation;

import org.healthscore.api.evaluation.EvaluationReport.Comparison;
import org.healthscore.api.evaluation.OutcomeKind;

/**
 * The forward check (DESIGN.md 3.6): a scorecard is used forward in time, so with n >= 3 distinct asOf dates
 * among the rows, weights are fitted on the rows of the earliest {@code floor(2n/3)} dates and both the current
 * and the fitted weights are scored (scorecard formula, design's policy) and ranked by AUC on the rows of the
 * later dates. Fewer dates: no check (null).
 */
record ForwardCheck(int fitDates, int testDates, Comparison auc) {

    static ForwardCheck of(Sample sample, FeatureMatrix data, int[] sign, double[] warmStart, double[] current,
                           WeightSuggestion.Scoring scoring, OutcomeKind outcome) {
        int[] dates = sample.distinctAsOfDays();
        if (dates.length < 3) {
            return null;
        }
        int fitDates = 2 * dates.length / 3;
        int firstTested = dates[fitDates];
        int tested = 0;
        for (int i = 0; i < sample.n; i++) {
            if (sample.asOfDay[i] >= firstTested) {
                tested++;
            }
        }
        int[] train = new int[sample.n - tested];
        int[] test = new int[tested];
        int a = 0;
        int b = 0;
        for (int i = 0; i < sample.n; i++) {
            if (sample.asOfDay[i] >= firstTested) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        Double currentAuc = auc(sample, scoring.with(current), test, outcome);
        ConstrainedLogistic.Fit fit = sign.length == 0 ? null : ConstrainedLogistic.fit(data, train, sign, warmStart);
        double[] fitted = WeightSuggestion.weights(fit);
        Double suggestedAuc = fitted == null ? null : auc(sample, scoring.with(fitted), test, outcome);
        return new ForwardCheck(fitDates, dates.length - fitDates, new Comparison(currentAuc, suggestedAuc));
    }

    private static Double auc(Sample sample, ScorecardFormula formula, int[] rows, OutcomeKind outcome) {
        double[] scores = formula.scores(sample.measures, sample.n, rows);
        return Auc.value(SortOrder.ascending(scores, rows, rows.length), sample.positive, outcome);
    }
}
