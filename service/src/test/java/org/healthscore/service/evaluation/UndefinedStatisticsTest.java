package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.BandStat;
import org.healthscore.api.evaluation.EvaluationReport.Decile;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.evaluation.Verdict;
import org.junit.jupiter.api.Test;

/** What the data leaves undefined is null, never NaN or Infinity (DESIGN.md 3.6). */
class UndefinedStatisticsTest {

    private static EvaluationRows oneClass(boolean positive) {
        EvaluationRows.Builder b = EvaluationRows.builder(2, 1);
        for (int i = 0; i < 30; i++) {
            b.add("a" + (i % 10), TestRows.DAY.plusMonths(i / 10), i % 2 == 0 ? "smb" : null, 10.0 + 3 * i,
                    new double[] {3 * i, i % 4 == 0 ? Double.NaN : 50}, new double[] {i}, positive, null);
        }
        return b.build();
    }

    private static EvaluationDesign design(OutcomeKind outcome) {
        return new EvaluationDesign(outcome, List.of("m1", "m2"), List.of(1.0, 1.0), 40, 70,
                org.healthscore.api.scorecard.MissingDataPolicy.RENORMALIZE, 0.6, List.of("c1"));
    }

    @Test
    void onlyNegatives() {
        EvaluationReport report = TestRows.evaluate(design(OutcomeKind.CHURN), oneClass(false))
                .report();
        assertThat(report.counts().positives()).isZero();
        assertThat(report.counts().baseRate()).isEqualTo(0.0);
        assertThat(report.auc().value()).isNull();
        assertThat(report.auc().low()).isNull();
        assertThat(report.auc().high()).isNull();
        // A rate is defined (0 of the band's rows); lift (base rate 0) and share (no positives) are not.
        assertThat(report.bands()).allSatisfy(b -> {
            assertThat(b.lift()).isNull();
            assertThat(b.shareOfPositives()).isNull();
        });
        assertThat(report.bands()).filteredOn(b -> b.rows() > 0).extracting(BandStat::rate).containsOnly(0.0);
        assertThat(report.falseGreens().shareOfPositives()).isNull();
        assertThat(report.red().precision()).isEqualTo(0.0);
        assertThat(report.red().recall()).isNull();
        assertThat(report.deciles()).extracting(Decile::lift).containsOnlyNulls();
        assertThat(report.measures()).allSatisfy(m -> {
            assertThat(m.auc()).isNull();
            assertThat(m.wrongWay()).isNull();
        });
        assertThat(report.measures().get(1).missingRate()).isCloseTo(8 / 30.0, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(report.candidates().get(0).auc()).isNull();
        assertThat(report.suggestedWeights().weights()).allSatisfy(w -> assertThat(w.suggested()).isNull());
        assertThat(report.suggestedWeights().cvAuc().current()).isNull();
        assertThat(report.suggestedWeights().cvAuc().suggested()).isNull();
        assertThat(report.segments()).allSatisfy(s -> {
            assertThat(s.auc()).isNull();
            assertThat(s.falseGreenShare()).isNull();
        });
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.findings()).contains("AUC undefined: no scored row churned.");
        assertNothingNonFinite(report);
    }

    @Test
    void onlyPositives() {
        EvaluationReport report = TestRows.evaluate(design(OutcomeKind.EXPANSION), oneClass(true)).report();
        assertThat(report.auc().value()).isNull();
        assertThat(report.counts().baseRate()).isEqualTo(1.0);
        assertThat(report.bands()).filteredOn(b -> b.rows() > 0).extracting(BandStat::lift).containsOnly(1.0);
        assertThat(report.suggestedWeights().weights()).allSatisfy(w -> assertThat(w.suggested()).isNull());
        assertThat(report.findings()).contains("AUC undefined: every scored row expanded.",
                "No weights suggested: the fit needs both rows that expanded and rows that did not.");
        assertNothingNonFinite(report);
    }

    @Test
    void noRowsAtAll() {
        EvaluationRows rows = EvaluationRows.builder(1, 0).build();
        EvaluationReport report = Evaluator.evaluate(TestRows.design(OutcomeKind.CHURN, "m1"), rows, List.of(),
                List.of()).report();
        assertThat(report.counts().rows()).isZero();
        assertThat(report.counts().baseRate()).isNull();
        assertThat(report.bands()).extracting(BandStat::rows).containsExactly(0L, 0L, 0L);
        assertThat(report.bands()).extracting(BandStat::rate).containsOnlyNulls();
        assertThat(report.deciles()).hasSize(10).extracting(Decile::rows).containsOnly(0L);
        assertThat(report.measures().get(0).missingRate()).isNull();
        assertThat(report.segments()).isEmpty();
        assertThat(report.suggestedBands().redBelow()).isEqualTo(40);
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.findings()).containsExactly("No scored rows: there is nothing to evaluate.");
        assertNothingNonFinite(report);
    }

    @Test
    void perfectSeparationHasAZeroWidthIntervalAndFiniteEverything() {
        double[] scores = new double[60];
        boolean[] y = new boolean[60];
        String[] accounts = new String[60];
        for (int i = 0; i < 60; i++) {
            scores[i] = i < 30 ? i : 100 - i % 5;
            y[i] = i < 30;
            accounts[i] = "a" + (i % 12);
        }
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN),
                TestRows.scoreOnly(accounts, scores, y)).report();
        assertThat(report.auc().value()).isEqualTo(1.0);
        assertThat(report.auc().high()).isEqualTo(1.0);
        assertNothingNonFinite(report);
    }

    /** Walks the report's records and lists: no double anywhere is NaN or infinite. */
    static void assertNothingNonFinite(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Double d) {
            assertThat(Double.isFinite(d)).as("finite: %s", d).isTrue();
        } else if (value instanceof Collection<?> c) {
            c.forEach(UndefinedStatisticsTest::assertNothingNonFinite);
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    assertNothingNonFinite(component.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
