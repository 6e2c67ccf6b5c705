package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.SegmentStat;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.evaluation.Verdict;
import org.junit.jupiter.api.Test;

/** The verdict's thresholds and the per-segment table. */
class VerdictAndSegmentsTest {

    @Test
    void verdictThresholds() {
        assertThat(Verdicts.of(19, 500, 0.95, 0.0)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdicts.of(500, 19, 0.95, 0.0)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdicts.of(20, 20, 0.70, 0.20)).isEqualTo(Verdict.PREDICTIVE);
        assertThat(Verdicts.of(20, 20, 0.70, 0.2000001)).isEqualTo(Verdict.WEAK);
        assertThat(Verdicts.of(20, 20, 0.6999999, 0.0)).isEqualTo(Verdict.WEAK);
        assertThat(Verdicts.of(20, 20, 0.60, 0.9)).isEqualTo(Verdict.WEAK);
        assertThat(Verdicts.of(20, 20, 0.5999999, 0.0)).isEqualTo(Verdict.NOT_PREDICTIVE);
    }

    @Test
    void greenAccountsThatExpandAreHitsSoTheFalseGreenTestIsChurns() {
        // 20 expanding rows scoring 80..99 (green), 20 others 0..19: AUC 1 for EXPANSION, every positive green.
        double[] scores = new double[40];
        boolean[] y = new boolean[40];
        for (int i = 0; i < 20; i++) {
            scores[i] = 80 + i;
            y[i] = true;
            scores[20 + i] = i;
        }
        var report = TestRows.evaluate(TestRows.design(OutcomeKind.EXPANSION), TestRows.scoreOnly(scores, y)).report();
        assertThat(report.auc().value()).isEqualTo(1.0);
        assertThat(report.falseGreens().shareOfPositives()).isEqualTo(1.0);
        assertThat(report.verdict()).isEqualTo(Verdict.PREDICTIVE);
    }

    @Test
    void verdictFromAReport() {
        // 20 churned rows scoring 0..19 (red), 20 others scoring 80..99: AUC 1, no false greens.
        double[] scores = new double[40];
        boolean[] y = new boolean[40];
        for (int i = 0; i < 20; i++) {
            scores[i] = i;
            y[i] = true;
            scores[20 + i] = 80 + i;
        }
        var report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), TestRows.scoreOnly(scores, y)).report();
        assertThat(report.verdict()).isEqualTo(Verdict.PREDICTIVE);
        assertThat(report.findings()).anyMatch(s -> s.startsWith("Predictive: AUC 1.00"));

        y[0] = false; // 19 churned
        report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), TestRows.scoreOnly(scores, y)).report();
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.findings()).anyMatch(s -> s.contains("19 churned and 21 other rows"));
    }

    @Test
    void segmentTable() {
        // smb: 20 (churned), 50, 80 (churned, green); ent: 30 (churned), 90; no segment: 60.
        EvaluationRows.Builder b = EvaluationRows.builder(0, 0);
        LocalDate d = TestRows.DAY;
        b.add("s1", d, "smb", 20.0, new double[0], null, true, d.plusDays(10));
        b.add("s2", d, "smb", 50.0, new double[0], null, false, null);
        b.add("s3", d, "smb", 80.0, new double[0], null, true, d.plusDays(20));
        b.add("e1", d, "ent", 30.0, new double[0], null, true, d.plusDays(5));
        b.add("e2", d, "ent", 90.0, new double[0], null, false, null);
        b.add("n1", d, null, 60.0, new double[0], null, false, null);
        b.add("n2", d, null, null, new double[0], null, true, d.plusDays(5)); // insufficient: not in the table
        List<SegmentStat> segments = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN), b.build()).report()
                .segments();

        assertThat(segments).extracting(SegmentStat::segment).containsExactly("(none)", "ent", "smb");
        SegmentStat none = segments.get(0);
        assertThat(none.rows()).isEqualTo(1);
        assertThat(none.baseRate()).isEqualTo(0.0);
        assertThat(none.auc()).isNull();
        assertThat(none.falseGreenShare()).isNull();
        SegmentStat ent = segments.get(1);
        assertThat(ent.rows()).isEqualTo(2);
        assertThat(ent.baseRate()).isEqualTo(0.5);
        assertThat(ent.auc()).isEqualTo(1.0);
        assertThat(ent.falseGreenShare()).isEqualTo(0.0);
        SegmentStat smb = segments.get(2);
        assertThat(smb.rows()).isEqualTo(3);
        assertThat(smb.baseRate()).isEqualTo(2.0 / 3);
        // Pairs (churned, other): (20, 50) right, (80, 50) wrong: AUC 1/2. One of two churned rows green.
        assertThat(smb.auc()).isEqualTo(0.5);
        assertThat(smb.falseGreenShare()).isEqualTo(0.5);
    }
}
