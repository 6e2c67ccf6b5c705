package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.api.evaluation.OutcomeKind;
import org.junit.jupiter.api.Test;

/** Findings are plain sentences that quote their numbers, worded per outcome. */
class FindingsTest {

    @Test
    void churnSentencesQuoteTheNumbers() {
        // The band example: n = 10, P = 4, one churned row green (score 70), AUC by pairs:
        // churned 10, 20, 45, 70 vs others 35, 50, 60, 80, 90, 95: 6 + 6 + 5 + 3 = 20 of 24 -> 0.8333.
        double[] scores = {10, 20, 35, 45, 50, 60, 70, 80, 90, 95};
        boolean[] y = TestRows.labels(1, 1, 0, 1, 0, 0, 1, 0, 0, 0);
        List<String> findings = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), TestRows.scoreOnly(scores, y))
                .report().findings();

        assertThat(findings).contains(
                "10 scored rows from 10 accounts over 1 asOf date; 4 of them churned (base rate 40%).",
                "Inconclusive: 4 churned and 6 other rows; a verdict needs at least 20 of each.",
                "25% of churned rows (1 of 4) were green before churning: false greens.",
                "67% of red rows churned (precision); red rows hold 50% of the churned rows (recall).",
                "Suggested bands: red below 35, green from 46 (now 40 and 70); 25% of churned rows would be green"
                        + " (now 25%).");
        assertThat(findings).anyMatch(s -> s.startsWith("AUC 0.83 (95% interval ")
                && s.endsWith("a row that churned scored lower than one that did not churn 83% of the time."));
    }

    @Test
    void anIntervalIncludingOneHalfIsCalledPossibleChance() {
        // Churned rows spread over the whole range: AUC near 0.5, interval across it.
        double[] scores = new double[40];
        boolean[] y = new boolean[40];
        for (int i = 0; i < 40; i++) {
            scores[i] = i * 2.5;
            y[i] = i % 3 == 0;
        }
        List<String> findings = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), TestRows.scoreOnly(scores, y))
                .report().findings();
        assertThat(findings).anyMatch(s -> s.matches("The interval 0\\.\\d\\d-0\\.\\d\\d includes 0\\.5: this could be"
                + " chance\\."));
    }

    @Test
    void expansionIsWordedAsExpansion() {
        double[] scores = {90, 85, 20, 30, 40};
        boolean[] y = TestRows.labels(1, 1, 0, 0, 1);
        List<String> findings = TestRows.evaluate(TestRows.design(OutcomeKind.EXPANSION),
                TestRows.scoreOnly(scores, y)).report().findings();
        assertThat(findings).contains("5 scored rows from 5 accounts over 1 asOf date; 3 of them expanded (base rate"
                + " 60%).", "67% of expanded rows (2 of 3) were green before expanding.");
        assertThat(findings).anyMatch(s -> s.contains("a row that expanded scored higher than one that did not expand"));
        assertThat(findings).noneMatch(s -> s.contains("churn"));
    }

    @Test
    void insufficientAndCensoredAreCounted() {
        EvaluationRows.Builder b = EvaluationRows.builder(0, 0);
        b.add("a", TestRows.DAY, null, 50.0, new double[0], null, true, TestRows.DAY.plusDays(3));
        b.add("b", TestRows.DAY, null, null, new double[0], null, false, null);
        b.add("c", TestRows.DAY, null, null, new double[0], null, false, null);
        var report = Evaluator.evaluate(TestRows.design(OutcomeKind.CHURN), b.build(), List.of(TestRows.DAY),
                List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30))).report();
        assertThat(report.counts().insufficient()).isEqualTo(2);
        assertThat(report.counts().rows()).isEqualTo(1);
        assertThat(report.counts().censoredAsOfDates()).hasSize(2);
        assertThat(report.findings()).contains(
                "2 rows had too little data to be scored (INSUFFICIENT_DATA): counted, not scored.",
                "2 asOf dates were left out: their horizon runs past the date outcomes are known through.");
    }

    @Test
    void redundantPairsAndTheBestCandidateAreNamed() {
        EvaluationRows.Builder b = EvaluationRows.builder(2, 2);
        for (int i = 0; i < 30; i++) {
            double s = i * 3;
            boolean churned = i < 10;
            b.add("a" + i, TestRows.DAY, null, s, new double[] {s, s / 2 + 1}, new double[] {100 - s, s}, churned,
                    null);
        }
        EvaluationDesign design = new EvaluationDesign(OutcomeKind.CHURN, List.of("m1", "m2"), List.of(1.0, 1.0), 40,
                70, org.healthscore.api.scorecard.MissingDataPolicy.RENORMALIZE, 0.6, List.of("wrong", "good"));
        var report = TestRows.evaluate(design, b.build()).report();
        assertThat(report.redundantPairs()).singleElement().satisfies(p -> {
            assertThat(p.a()).isEqualTo("m1");
            assertThat(p.b()).isEqualTo("m2");
            assertThat(p.rho()).isEqualTo(1.0);
        });
        assertThat(report.candidates()).extracting(c -> c.metric() + " " + c.auc())
                .containsExactly("good 1.0", "wrong 0.0");
        assertThat(report.findings()).contains(
                "m1 and m2 are redundant: Spearman rho +1.00 (|rho| at least 0.80); one of them may be enough.",
                "Best candidate metric not in the scorecard: good, AUC 1.00 on its own.");
    }

    @Test
    void formatting() {
        assertThat(Findings.percent(0.384615)).isEqualTo("38%");
        assertThat(Findings.percent(0.004)).isEqualTo("0.4%");
        assertThat(Findings.percent(0.05)).isEqualTo("5%");
        assertThat(Findings.percent(null)).isEqualTo("undefined");
        assertThat(Findings.number(40, 2)).isEqualTo("40");
        assertThat(Findings.number(40.5, 2)).isEqualTo("40.5");
        assertThat(Findings.number(67.905340, 1)).isEqualTo("67.9");
        assertThat(Findings.belowHalf(0.42)).isEqualTo("0.42");
        assertThat(Findings.belowHalf(0.4998)).isEqualTo("0.4998");
        assertThat(Findings.belowHalf(0.4961)).isEqualTo("0.496");
        assertThat(Findings.belowHalf(0.49999)).isEqualTo("just below 0.5");
    }
}
