package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.RocPoint;
import org.healthscore.api.evaluation.EvaluationReport.ScoreBin;
import org.healthscore.api.evaluation.OutcomeKind;
import org.junit.jupiter.api.Test;

/** What the report's charts draw: the ROC curve and the score distribution, by hand and against the AUC. */
class ChartDataTest {

    private static EvaluationReport report(OutcomeKind outcome, double[] scores, boolean[] y) {
        return TestRows.evaluate(TestRows.design(outcome), TestRows.scoreOnly(scores, y)).report();
    }

    @Test
    void churnSweepsTheLowestScoresFirstTakingTiesTogether() {
        // Scores 10 (churned), 20 (not), 20 (churned), 30 (not): 10 first, then both 20s at once.
        EvaluationReport report = report(OutcomeKind.CHURN, new double[] {10, 20, 20, 30}, TestRows.labels(1, 0, 1, 0));
        assertThat(report.roc()).containsExactly(new RocPoint(0, 0), new RocPoint(0, 0.5), new RocPoint(0.5, 1),
                new RocPoint(1, 1));
        // 3.5 of the 4 (churned, not) pairs have the churned row lower, the tie counting half.
        assertThat(area(report.roc())).isEqualTo(0.875).isEqualTo(report.auc().value());
    }

    @Test
    void expansionSweepsTheHighestScoresFirst() {
        EvaluationReport report = report(OutcomeKind.EXPANSION, new double[] {10, 20, 20, 30},
                TestRows.labels(1, 0, 1, 0));
        assertThat(report.roc()).containsExactly(new RocPoint(0, 0), new RocPoint(0.5, 0), new RocPoint(1, 0.5),
                new RocPoint(1, 1));
        assertThat(area(report.roc())).isEqualTo(0.125).isEqualTo(report.auc().value());
    }

    @Test
    void oneClassHasNoCurve() {
        assertThat(report(OutcomeKind.CHURN, new double[] {10, 50, 90}, TestRows.labels(0, 0, 0)).roc()).isEmpty();
        assertThat(report(OutcomeKind.CHURN, new double[] {10, 50, 90}, TestRows.labels(1, 1, 1)).roc()).isEmpty();
        assertThat(report(OutcomeKind.CHURN, new double[0], new boolean[0]).roc()).isEmpty();
    }

    @Test
    void theAreaUnderTheCurveIsTheAuc() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(300);
            double[] scores = new double[n];
            boolean[] y = new boolean[n];
            // Whole and half points, so ties are common; fewer than 200 distinct scores, so nothing is dropped.
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(201) / 2.0;
                y[i] = random.nextDouble() < (trial % 2 == 0 ? 0.3 : 0.05 + scores[i] / 150);
            }
            for (OutcomeKind outcome : OutcomeKind.values()) {
                EvaluationReport report = report(outcome, scores, y);
                if (report.auc().value() == null) {
                    assertThat(report.roc()).isEmpty();
                    continue;
                }
                assertThat(area(report.roc())).as("trial %d %s", trial, outcome)
                        .isCloseTo(report.auc().value(), within(1e-12));
                assertCurve(report.roc());
            }
        }
    }

    @Test
    void aLongCurveKeepsTwoHundredEvenlySpacedPointsAndItsEnds() {
        int n = 5000;
        double[] scores = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = i * 100.0 / n;
            y[i] = i % 7 == 0 || i < 400;
        }
        EvaluationReport report = report(OutcomeKind.CHURN, scores, y);
        assertThat(report.roc()).hasSize(RocCurve.MAX_POINTS);
        assertCurve(report.roc());
        // Evenly spaced by rows here (one row per score), so each step covers about 25 rows.
        assertThat(area(report.roc())).isCloseTo(report.auc().value(), within(1e-3));
    }

    @Test
    void tenBinsTheLastHoldingOneHundred() {
        double[] scores = {0, 9.99, 10, 69.99999999999999, 70, 95, 100, 100};
        boolean[] y = TestRows.labels(1, 0, 0, 1, 0, 1, 0, 1);
        List<ScoreBin> bins = report(OutcomeKind.CHURN, scores, y).distribution();
        assertThat(bins).hasSize(10);
        assertThat(bins).extracting(ScoreBin::from).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(bins).extracting(ScoreBin::to).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(bins.get(0)).isEqualTo(new ScoreBin(0, 10, 1, 1));
        assertThat(bins.get(1)).isEqualTo(new ScoreBin(10, 20, 0, 1));
        // 69.99999999999999 is 70 to the scoring core (it bands GREEN), so it is drawn with the 70s.
        assertThat(bins.get(6)).isEqualTo(new ScoreBin(60, 70, 0, 0));
        assertThat(bins.get(7)).isEqualTo(new ScoreBin(70, 80, 1, 1));
        assertThat(bins.get(9)).isEqualTo(new ScoreBin(90, 100, 2, 1));
        assertThat(bins.stream().mapToLong(b -> b.positives() + b.negatives()).sum()).isEqualTo(scores.length);
    }

    @Test
    void unscoredRowsAreNotDrawn() {
        EvaluationReport report = report(OutcomeKind.CHURN, new double[] {Double.NaN, 50, 60},
                TestRows.labels(1, 1, 0));
        assertThat(report.distribution().stream().mapToLong(b -> b.positives() + b.negatives()).sum()).isEqualTo(2);
        assertThat(report.roc()).hasSize(3);
    }

    /** The trapezoid area under the curve. */
    static double area(List<RocPoint> roc) {
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            RocPoint a = roc.get(i - 1);
            RocPoint b = roc.get(i);
            area += (b.falsePositiveRate() - a.falsePositiveRate()) * (a.truePositiveRate() + b.truePositiveRate()) / 2;
        }
        return area;
    }

    private static void assertCurve(List<RocPoint> roc) {
        assertThat(roc.get(0)).isEqualTo(new RocPoint(0, 0));
        assertThat(roc.get(roc.size() - 1)).isEqualTo(new RocPoint(1, 1));
        for (int i = 1; i < roc.size(); i++) {
            assertThat(roc.get(i).falsePositiveRate()).isGreaterThanOrEqualTo(roc.get(i - 1).falsePositiveRate());
            assertThat(roc.get(i).truePositiveRate()).isGreaterThanOrEqualTo(roc.get(i - 1).truePositiveRate());
        }
    }
}
