package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.BandStat;
import org.healthscore.api.evaluation.OutcomeKind;
import org.junit.jupiter.api.Test;

/** Suggested band thresholds (DESIGN.md 3.6), CHURN only. */
class BandSuggestionTest {

    /** Scores 0, 5, ..., 95 (20 rows, one account each) with the given rows churned. */
    private static EvaluationReport twentyRows(int... churnedIndexes) {
        double[] scores = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = 5 * i;
        }
        for (int i : churnedIndexes) {
            y[i] = true;
        }
        return TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), TestRows.scoreOnly(scores, y)).report();
    }

    @Test
    void tinyCaseByHand() {
        // Scores 30 (churned), 55, 55 (churned), 80, 40, 90: n = 6, P = 2, base rate 1/3.
        // greenFrom: the rows scoring >= t must be >= 10% (1 row) with a rate <= 1/6. Up to t = 55 they include
        // the churned 55 (t = 55: 1 of 4 = 0.25); t = 56 leaves 80 and 90, rate 0: greenFrom 56.
        // redBelow: largest t < 56 with rows < t >= 5% and rate >= 2/3. t in 41..55: 30 and 40, rate 1/2;
        // t = 40: only 30, rate 1: redBelow 40.
        double[] scores = {30, 55, 55, 80, 40, 90};
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN),
                TestRows.scoreOnly(scores, TestRows.labels(1, 0, 1, 0, 0, 0))).report();
        assertThat(report.suggestedBands().redBelow()).isEqualTo(40);
        assertThat(report.suggestedBands().greenFrom()).isEqualTo(56);
        // The table under 40 / 56: RED {30}, YELLOW {40, 55, 55}, GREEN {80, 90}.
        assertThat(report.suggestedBands().bands()).extracting(BandStat::rows).containsExactly(1L, 3L, 2L);
        assertThat(report.suggestedBands().bands()).extracting(BandStat::positives).containsExactly(1L, 1L, 0L);
        assertThat(report.findings()).anyMatch(s -> s.contains("red below 40, green from 56 (now 40 and 70)"));
    }

    @Test
    void greenKeptWhenNoneQualifiesRedStillFound() {
        // Churned: 0, 5 and 85, 90, 95. P = 5, n = 20, base 0.25. Every "scores >= t" set holding 2+ rows holds
        // the three top churners: rate >= 3/20 > 0.125. Kept: 70. redBelow: t = 16..20 leaves 0, 5, 10, 15
        // below, rate 2/4 = 0.5 >= 0.5; t = 21 adds 20: 2/5 < 0.5. So 20.
        EvaluationReport report = twentyRows(0, 1, 17, 18, 19);
        assertThat(report.suggestedBands().greenFrom()).isEqualTo(70);
        assertThat(report.suggestedBands().redBelow()).isEqualTo(20);
        assertThat(report.findings()).anyMatch(s -> s.startsWith("No greenFrom qualified") && s.contains("keeping 70"));
    }

    @Test
    void keptRedBelowAboveTheFoundGreenFromIsLoweredToIt() {
        // Churned: 25 and 30 (P = 2, base 0.1). greenFrom: rows >= t need rate <= 0.05, so no churner: t = 31
        // (scores 35..95, 13 rows). redBelow < 31 needs rate >= 0.2 below t: at most 1 of 6 (t 26..30). None:
        // the current 40 is kept, but 40 > 31 is no valid scorecard, so it is lowered to 31.
        EvaluationReport report = twentyRows(5, 6);
        assertThat(report.suggestedBands().greenFrom()).isEqualTo(31);
        assertThat(report.suggestedBands().redBelow()).isEqualTo(31);
        assertThat(report.findings()).anyMatch(s -> s.startsWith("No redBelow qualified")
                && s.contains("keeping 40, lowered to 31"));
    }

    @Test
    void noPositivesKeepsBoth() {
        EvaluationReport report = twentyRows();
        assertThat(report.suggestedBands().redBelow()).isEqualTo(40);
        assertThat(report.suggestedBands().greenFrom()).isEqualTo(70);
        assertThat(report.findings()).anyMatch(s -> s.startsWith("No bands suggested"));
    }

    @Test
    void noneForExpansion() {
        double[] scores = {30, 55, 55, 80, 40, 90};
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.EXPANSION),
                TestRows.scoreOnly(scores, TestRows.labels(1, 0, 1, 0, 0, 0))).report();
        assertThat(report.suggestedBands()).isNull();
    }

    @Test
    void ratesExactlyAtHalfAndTwiceTheBaseRateQualify() {
        // Churned: 0, 5, 45, 50 (P = 4, n = 20, base 0.2). greenFrom: t = 46..50 leaves 50..95 at or above it,
        // 1 churned of 10: exactly half the base rate, which qualifies; t = 41..45 adds 45: 2 of 11. Below 11
        // the sets grow but hold 2+ churners at up to 19 rows: > 0.1. So 46.
        // redBelow (< 46): t = 21..25 leaves 0..20 below, 2 of 5 = 0.4: exactly twice the base rate; from t = 26
        // on, 2 of 6 or fewer. So 25. (Decided in integers: 2 n pos <= P rows, n pos >= 2 P rows.)
        EvaluationReport report = twentyRows(0, 1, 9, 10);
        assertThat(report.suggestedBands().greenFrom()).isEqualTo(46);
        assertThat(report.suggestedBands().redBelow()).isEqualTo(25);
    }
}
