package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.MeasureStat;
import org.healthscore.api.evaluation.EvaluationReport.Weight;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.scorecard.MissingDataPolicy;
import org.junit.jupiter.api.Test;

/** Suggested weights, cross-validation by account and the forward check, through the whole evaluation. */
class SuggestedWeightsTest {

    /**
     * {@code accounts} accounts x {@code dates} monthly asOf dates; measure scores 0-100 drawn per row; churn
     * drawn from a logistic model whose coefficients per measure (on score / 100) are {@code effect}; the row's
     * score is the weighted mean with {@code weights}.
     */
    static EvaluationRows rows(long seed, int accounts, int dates, double intercept, double[] effect,
                               double[] weights) {
        Random random = new Random(seed);
        int p = effect.length;
        EvaluationRows.Builder builder = EvaluationRows.builder(p, 0);
        double totalWeight = 0;
        for (double w : weights) {
            totalWeight += w;
        }
        for (int a = 0; a < accounts; a++) {
            for (int t = 0; t < dates; t++) {
                double[] s = new double[p];
                double eta = intercept;
                double score = 0;
                for (int j = 0; j < p; j++) {
                    s[j] = 100 * random.nextDouble();
                    eta += effect[j] * s[j] / 100;
                    score += weights[j] * s[j] / totalWeight;
                }
                boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-eta));
                LocalDate asOf = TestRows.DAY.plusMonths(t);
                builder.add(String.format("acct-%04d", a), asOf, null, score, s, null, churned,
                        churned ? asOf.plusDays(40) : null);
            }
        }
        return builder.build();
    }

    @Test
    void aMeasurePointingTheWrongWayIsFlaggedAndGetsWeightZero() {
        // m1, m2 lower churn as they rise (the intended way); m3 raises it.
        EvaluationRows rows = rows(1, 300, 4, 0, new double[] {-4, -2, 2}, new double[] {1, 1, 1});
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN, "m1", "m2", "m3"), rows)
                .report();

        assertThat(report.measures()).extracting(MeasureStat::wrongWay).containsExactly(false, false, true);
        assertThat(report.measures().get(2).auc()).isLessThan(0.5);
        List<Weight> weights = report.suggestedWeights().weights();
        assertThat(weights).extracting(Weight::metric).containsExactly("m1", "m2", "m3");
        assertThat(weights).extracting(Weight::current).containsExactly(1.0, 1.0, 1.0);
        assertThat(weights.get(2).suggested()).isZero();
        assertThat(weights.get(0).suggested()).isGreaterThan(weights.get(1).suggested()).isPositive();
        assertThat(weights.get(0).suggested() + weights.get(1).suggested() + weights.get(2).suggested())
                .isCloseTo(100, within(1e-9));
        assertThat(report.findings()).anyMatch(s -> s.startsWith("m3 points the wrong way: its AUC is 0."));
        assertThat(report.findings()).anyMatch(s -> s.startsWith("m3 gets weight 0"));
        assertThat(report.findings()).anyMatch(s -> s.startsWith("Suggested weights: m1 "));
    }

    @Test
    void expansionWeightsFollowTheOtherSign() {
        EvaluationRows rows = rows(2, 300, 4, -1, new double[] {4, -3}, new double[] {1, 1});
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.EXPANSION, "m1", "m2"), rows)
                .report();
        assertThat(report.measures()).extracting(MeasureStat::wrongWay).containsExactly(false, true);
        assertThat(report.suggestedWeights().weights()).extracting(Weight::suggested).containsExactly(100.0, 0.0);
        assertThat(report.findings()).anyMatch(s -> s.contains("higher m2 scores went with less expansion"));
    }

    @Test
    void crossValidationGainsWhenAUselessMeasureCarriesTheWeight() {
        // m1 carries the signal; m2 is noise but holds 90% of the current weight.
        EvaluationRows rows = rows(3, 250, 4, 0, new double[] {-5, 0}, new double[] {1, 9});
        EvaluationDesign design = TestRows.design(OutcomeKind.CHURN, List.of("m1", "m2"), List.of(1.0, 9.0));
        EvaluationReport report = TestRows.evaluate(design, rows).report();

        var cv = report.suggestedWeights().cvAuc();
        assertThat(cv.current()).isLessThan(0.65);
        assertThat(cv.suggested()).isGreaterThan(cv.current() + 0.1);
        // The current weights reproduce the rows' own scores, so their CV AUC is the score's AUC.
        assertThat(cv.current()).isCloseTo(report.auc().value(), within(1e-12));
        var forward = report.suggestedWeights().forwardAuc();
        assertThat(forward).isNotNull();
        assertThat(forward.suggested()).isGreaterThan(forward.current());
        assertThat(report.findings()).anyMatch(s -> s.startsWith(String.format(java.util.Locale.ROOT,
                "Cross-validated AUC (5 folds by account): %.3f with the current weights, %.3f with the suggested",
                cv.current(), cv.suggested())));
        assertThat(report.findings()).anyMatch(s -> s.startsWith(
                "Forward check (fitted on the earliest 2 asOf dates, tested on the 2 later)"));
    }

    @Test
    void foldsGroupAccountsInCodePointOrder() {
        // Code point order: a, b, c, d, U+FF5E, U+1F600 -> folds 0, 1, 2, 3, 4, 0. (String.compareTo puts the
        // emoji, a surrogate pair, before U+FF5E, which would swap their folds.)
        String emoji = "\uD83D\uDE00";
        String[] accounts = {"d", emoji, "b", "\uFF5E", "a", "c", "b", emoji, "a"};
        EvaluationRows.Builder builder = EvaluationRows.builder(1, 0);
        Map<String, Integer> seen = new HashMap<>();
        for (String account : accounts) {
            int k = seen.merge(account, 1, Integer::sum);
            builder.add(account, TestRows.DAY.plusMonths(k), null, 50.0, new double[] {50}, null, false, null);
        }
        EvaluationRows rows = builder.build();
        int[] fold = CrossValidation.folds(Sample.of(rows));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer before = foldOf.put(rows.account(i), fold[i]);
            assertThat(before == null || before == fold[i]).as("account %s in one fold", rows.account(i)).isTrue();
        }
        assertThat(foldOf).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a", 0, "b", 1, "c", 2, "d", 3, "\uFF5E", 4, emoji, 0));
    }

    @Test
    void foldsOnALargerSampleNeverSplitAnAccount() {
        Sample sample = Sample.of(rows(4, 97, 5, 0, new double[] {-1}, new double[] {1}));
        int[] fold = CrossValidation.folds(sample);
        int[] foldOfAccount = new int[sample.accountNames.length];
        java.util.Arrays.fill(foldOfAccount, -1);
        int[] accountsPerFold = new int[5];
        for (int i = 0; i < sample.n; i++) {
            int a = sample.account[i];
            if (foldOfAccount[a] < 0) {
                foldOfAccount[a] = fold[i];
                accountsPerFold[fold[i]]++;
            }
            assertThat(fold[i]).isEqualTo(foldOfAccount[a]);
        }
        assertThat(accountsPerFold).containsExactly(20, 20, 19, 19, 19);
    }

    @Test
    void everyCoefficientZeroMeansNoSuggestion() {
        // Every measure raises churn: constrained to lower it, each coefficient stays 0.
        EvaluationRows rows = rows(5, 200, 3, -1, new double[] {3, 3}, new double[] {1, 1});
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN, "m1", "m2"), rows).report();
        assertThat(report.suggestedWeights().weights()).extracting(Weight::suggested).containsOnlyNulls();
        assertThat(report.suggestedWeights().cvAuc().suggested()).isNull();
        assertThat(report.suggestedWeights().cvAuc().current()).isNotNull();
        assertThat(report.suggestedWeights().forwardAuc().suggested()).isNull();
        assertThat(report.findings()).anyMatch(s -> s.startsWith("No weights suggested: every fitted coefficient is 0"));
    }

    @Test
    void noForwardCheckWithFewerThanThreeAsOfDates() {
        EvaluationRows rows = rows(6, 200, 2, 0, new double[] {-3}, new double[] {1});
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN, "m1"), rows).report();
        assertThat(report.suggestedWeights().forwardAuc()).isNull();
        assertThat(report.suggestedWeights().weights().get(0).suggested()).isEqualTo(100.0);
        assertThat(report.findings()).contains("No forward check: it needs at least 3 asOf dates, the rows have 2.");
    }

    @Test
    void heldOutRowsAreScoredWithTheDesignsPolicy() {
        // Columns per measure: m1 = (80, missing), m2 = (20, 40); row 0 has both, row 1 only m2.
        double[][] measures = {{80, Double.NaN}, {20, 40}};
        // NEUTRAL, weights 1:1: row 0 (80 + 20) / 2 = 50; row 1 m1 scores 50: (50 + 40) / 2 = 45.
        assertThat(formula(1, 1, MissingDataPolicy.NEUTRAL, 0.5).scores(measures, 2, null)).containsExactly(50, 45);
        // ZERO, weights 1:3: row 0 (80 + 3 * 20) / 4 = 35; row 1 (0 + 3 * 40) / 4 = 30.
        assertThat(formula(1, 3, MissingDataPolicy.ZERO, 0).scores(measures, 2, null)).containsExactly(35, 30);
        // RENORMALIZE at minCoverage 0.6: row 1 covers half the weight, so no score.
        assertThat(formula(1, 1, MissingDataPolicy.RENORMALIZE, 0.6).scores(measures, 2, null))
                .containsExactly(50, Double.NaN);
        // ... and at exactly 0.5 it is scored from m2 alone (coverage at the minimum is enough).
        assertThat(formula(1, 1, MissingDataPolicy.RENORMALIZE, 0.5).scores(measures, 2, null))
                .containsExactly(50, 40);
        // A measure of weight 0 takes no part: row 0 is m1's 80; row 1 has no weighted measure with a value.
        assertThat(formula(1, 0, MissingDataPolicy.RENORMALIZE, 0.6).scores(measures, 2, null))
                .containsExactly(80, Double.NaN);
        // Only the rows asked for are scored.
        assertThat(formula(1, 1, MissingDataPolicy.NEUTRAL, 0.5).scores(measures, 2, new int[] {1}))
                .containsExactly(Double.NaN, 45);
    }

    private static ScorecardFormula formula(double w1, double w2, MissingDataPolicy policy, double minCoverage) {
        return new ScorecardFormula(new double[] {w1, w2}, policy, minCoverage);
    }
}
