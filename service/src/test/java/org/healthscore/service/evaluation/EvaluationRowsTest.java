package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The columnar rows: what goes in comes out, and bad rows are refused at the door. */
class EvaluationRowsTest {

    @Test
    void holdsRowsBeyondItsFirstCapacity() {
        EvaluationRows.Builder b = EvaluationRows.builder(2, 1, 4);
        for (int i = 0; i < 1000; i++) {
            b.add("acct-" + (i % 7), TestRows.DAY.plusDays(i), i % 2 == 0 ? "smb" : null, i % 3 == 0 ? null : i / 10.0,
                    new double[] {i, Double.NaN}, new double[] {-0.0}, i % 5 == 0, null);
        }
        EvaluationRows rows = b.build();
        assertThat(rows.size()).isEqualTo(1000);
        assertThat(rows.account(999)).isEqualTo("acct-5");
        assertThat(rows.asOf(999)).isEqualTo(TestRows.DAY.plusDays(999));
        assertThat(rows.segment(998)).isEqualTo("smb");
        assertThat(rows.segment(999)).isNull();
        assertThat(rows.score(999)).isNull();
        assertThat(rows.score(998)).isEqualTo(99.8);
        assertThat(rows.positive(995)).isTrue();
        assertThat(rows.measureColumn(0)[999]).isEqualTo(999);
        assertThat(rows.measureColumn(1)[999]).isNaN();
        // -0.0 is kept as 0.0: the same score, and it must tie with 0.0.
        assertThat(Double.doubleToRawLongBits(rows.candidateColumn(0)[0])).isZero();
    }

    @Test
    void refusesBadRows() {
        EvaluationRows.Builder b = EvaluationRows.builder(2, 0);
        assertThatThrownBy(() -> b.add("a", TestRows.DAY, null, 50.0, new double[] {1}, null, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2 measure scores");
        assertThatThrownBy(() -> b.add("a", TestRows.DAY, null, Double.NaN, new double[2], null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.add("a", TestRows.DAY, null, 50.0,
                new double[] {1, Double.POSITIVE_INFINITY}, null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.add(null, TestRows.DAY, null, 50.0, new double[2], null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(b.build().size()).isZero();
    }

    @Test
    void theDesignMustMatchTheRows() {
        EvaluationRows rows = EvaluationRows.builder(2, 0).build();
        assertThatThrownBy(() -> TestRows.evaluate(TestRows.design(org.healthscore.api.evaluation.OutcomeKind.CHURN,
                "m1"), rows)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measure");
    }
}
