package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.BandStat;
import org.healthscore.api.evaluation.EvaluationReport.Decile;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.health.Band;
import org.junit.jupiter.api.Test;

/** Band table, lift, red precision and recall, false greens and deciles, by hand (DESIGN.md 3.6). */
class BandsAndDecilesTest {

    @Test
    void bandTableLiftRedAndFalseGreens() {
        // Bands 40 / 70. RED: 10 (churned), 20 (churned), 35; YELLOW: 45 (churned), 50, 60;
        // GREEN: 70 (churned), 80, 90, 95. n = 10, P = 4, base rate 0.4.
        double[] scores = {10, 20, 35, 45, 50, 60, 70, 80, 90, 95};
        boolean[] y = TestRows.labels(1, 1, 0, 1, 0, 0, 1, 0, 0, 0);
        EvaluationResult result = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), TestRows.scoreOnly(scores, y));
        EvaluationReport report = result.report();

        assertThat(report.counts().rows()).isEqualTo(10);
        assertThat(report.counts().positives()).isEqualTo(4);
        assertThat(report.counts().baseRate()).isEqualTo(0.4);
        List<BandStat> bands = report.bands();
        assertThat(bands).extracting(BandStat::band).containsExactly(Band.RED, Band.YELLOW, Band.GREEN);
        // RED: 2 of 3, lift (2/3) / 0.4 = 5/3, half of all positives.
        assertThat(bands.get(0).rows()).isEqualTo(3);
        assertThat(bands.get(0).positives()).isEqualTo(2);
        assertThat(bands.get(0).rate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(bands.get(0).lift()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(bands.get(0).shareOfPositives()).isEqualTo(0.5);
        // YELLOW: 1 of 3, lift (1/3) / 0.4 = 5/6.
        assertThat(bands.get(1).lift()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(bands.get(1).shareOfPositives()).isEqualTo(0.25);
        // GREEN: 1 of 4, lift 0.25 / 0.4 = 0.625.
        assertThat(bands.get(2).rows()).isEqualTo(4);
        assertThat(bands.get(2).rate()).isEqualTo(0.25);
        assertThat(bands.get(2).lift()).isCloseTo(0.625, within(1e-12));

        assertThat(report.red().precision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(report.red().recall()).isEqualTo(0.5);
        assertThat(report.falseGreens().count()).isEqualTo(1);
        assertThat(report.falseGreens().shareOfPositives()).isEqualTo(0.25);
        assertThat(result.falseGreens()).singleElement().satisfies(fg -> {
            assertThat(fg.account()).isEqualTo("a6");
            assertThat(fg.score()).isEqualTo(70);
            assertThat(fg.asOf()).isEqualTo(TestRows.DAY);
            assertThat(fg.outcomeDate()).isEqualTo(TestRows.DAY.plusDays(30));
        });
    }

    @Test
    void aScoreARoundingHairBelowAThresholdIsOnIt() {
        // 0.1 * 700 is 70.00000000000001 and 0.7 * 100 is 70 on paper but 69.99999999999999 in doubles.
        double[] scores = {69.99999999999999, 39.99999999999999};
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN),
                TestRows.scoreOnly(scores, TestRows.labels(1, 0))).report();
        assertThat(report.bands()).extracting(BandStat::rows).containsExactly(0L, 1L, 1L);
    }

    @Test
    void falseGreensListedByAccountInCodePointOrderThenAsOf() {
        // U+FF5E sorts after "b" and before U+1F600 by code point; String.compareTo would put the emoji first.
        String emoji = "\uD83D\uDE00";
        String[] accounts = {emoji, "\uFF5E", "b", "b", "a"};
        double[] scores = {90, 90, 95, 91, 20};
        boolean[] y = TestRows.labels(1, 1, 1, 1, 1);
        EvaluationResult result = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN),
                TestRows.scoreOnly(accounts, scores, y));
        assertThat(result.falseGreens()).extracting(fg -> fg.account() + "@" + fg.asOf().getMonthValue())
                .containsExactly("b@1", "b@2", "\uFF5E@1", emoji + "@1");
    }

    @Test
    void decilesWithTiesShareADecileAndLeaveOthersEmpty() {
        // n = 10, CHURN (riskier = lower). Three rows tie at 10: none riskier, decile 1. 20: 3 riskier,
        // floor(30/10) + 1 = 4. The two 30s: 4 riskier, decile 5. 40, 50, 60, 70: deciles 7, 8, 9, 10.
        // Deciles 2, 3 and 6 are empty. Positives: two of the 10s and the 20; base rate 0.3.
        double[] scores = {10, 10, 10, 20, 30, 30, 40, 50, 60, 70};
        boolean[] y = TestRows.labels(1, 1, 0, 1, 0, 0, 0, 0, 0, 0);
        List<Decile> churn = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), TestRows.scoreOnly(scores, y))
                .report().deciles();
        assertThat(churn).extracting(Decile::decile).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(churn).extracting(Decile::rows).containsExactly(3L, 0L, 0L, 1L, 2L, 0L, 1L, 1L, 1L, 1L);
        assertThat(churn.get(0).positives()).isEqualTo(2);
        assertThat(churn.get(0).rate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(churn.get(0).lift()).isCloseTo((2.0 / 3) / 0.3, within(1e-12));
        assertThat(churn.get(3).lift()).isCloseTo(1 / 0.3, within(1e-12));
        assertThat(churn.get(1).rate()).isNull();
        assertThat(churn.get(1).lift()).isNull();
        assertThat(churn.get(9).rate()).isEqualTo(0.0);

        // EXPANSION (riskier = higher): 70 decile 1, 60 -> 2, 50 -> 3, 40 -> 4, 30s: 4 riskier -> 5,
        // 20: 6 riskier -> 7, the 10s: 7 riskier -> 8. Deciles 6, 9, 10 empty.
        List<Decile> expansion = TestRows.evaluate(TestRows.design(OutcomeKind.EXPANSION),
                TestRows.scoreOnly(scores, y)).report().deciles();
        assertThat(expansion).extracting(Decile::rows).containsExactly(1L, 1L, 1L, 1L, 2L, 0L, 1L, 3L, 0L, 0L);
        assertThat(expansion.get(7).positives()).isEqualTo(2);
    }
}
