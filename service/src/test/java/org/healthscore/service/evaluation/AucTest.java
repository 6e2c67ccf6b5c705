package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.healthscore.api.evaluation.OutcomeKind;
import org.junit.jupiter.api.Test;

/** AUC with ties 1/2 and its account-clustered DeLong interval (DESIGN.md 3.6). */
class AucTest {

    @Test
    void handCountedPairsWithATie() {
        // Positives score 10 and 50, negatives 50, 80, 30: six pairs.
        // CHURN (a positive scoring lower wins): 10 beats all three negatives (3); 50 beats 80 (1), ties 50 (1/2),
        // loses to 30: 4.5 of 6 = 0.75. EXPANSION (higher wins): 10 wins none; 50 beats 30, ties 50: 1.5 of 6.
        double[] scores = {10, 50, 50, 80, 30};
        boolean[] y = TestRows.labels(1, 1, 0, 0, 0);
        assertThat(Auc.value(scores, y, 5, OutcomeKind.CHURN)).isEqualTo(0.75);
        assertThat(Auc.value(scores, y, 5, OutcomeKind.EXPANSION)).isEqualTo(0.25);
    }

    @Test
    void threeAccountsClusteredIntervalByHand() {
        // Accounts a: 30 (churned), 55; b: 55 (churned), 80; c: 40, 90. CHURN: M = 2 positives, N = 4 negatives.
        // Per positive row, negatives scored healthier (higher), ties 1/2:
        //   a's 30: 55, 80, 40, 90 -> 4, so 4/4 = 1;   b's 55: 80, 90 and the tie at 55 -> 2.5, so 2.5/4 = 0.625.
        // A = (4 + 2.5) / (M N) = 6.5 / 8 = 0.8125.
        // Per negative row, positives scored less healthy (lower), ties 1/2, over M = 2:
        //   a's 55: 30 and the tie 55 -> 1.5/2 = 0.75;  b's 80: 2/2 = 1;  c's 40: 1/2 = 0.5;  c's 90: 2/2 = 1.
        // V10: a 1, b 0.625, c 0 (m_c = 1, 1, 0).   V01: a 0.75, b 1, c 1.5 (n_c = 1, 1, 2).
        // d10 = V10_c - m_c A: a 0.1875, b -0.1875, c 0.
        // d01 = V01_c - n_c A: a -0.0625, b 0.1875, c 1.5 - 1.625 = -0.125.
        // K = 3, K/(K-1) = 1.5.
        // S10 = 1.5/2 * (0.1875^2 + 0.1875^2)              = 0.75 * 0.0703125 = 0.052734375
        // S01 = 1.5/4 * (0.0625^2 + 0.1875^2 + 0.125^2)     = 0.375 * 0.0546875 = 0.0205078125
        // S11 = 1.5 * (0.1875 * -0.0625 + -0.1875 * 0.1875) = 1.5 * -0.046875 = -0.0703125
        // var = S10/2 + S01/4 + 2 S11/8 = 0.0263671875 + 0.005126953125 - 0.017578125 = 0.013916015625
        // 1.96 * sqrt(var) = 1.96 * 0.1179661... = 0.2312137...: interval 0.5812863 .. 1.0437137, clipped to 1.
        double[] scores = {30, 55, 55, 80, 40, 90};
        boolean[] y = TestRows.labels(1, 0, 1, 0, 0, 0);
        int[] account = {0, 0, 1, 1, 2, 2};
        Auc.Result r = Auc.withInterval(SortOrder.ascending(scores, 6), y, OutcomeKind.CHURN, account, 3);

        assertThat(r.value()).isEqualTo(0.8125);
        assertThat(r.low()).isCloseTo(0.8125 - 1.96 * Math.sqrt(0.013916015625), within(1e-12));
        assertThat(r.low()).isCloseTo(0.5812863204, within(1e-9));
        assertThat(r.high()).isEqualTo(1.0);
    }

    @Test
    void undefinedWithOneClassAndNoIntervalWithOneAccount() {
        double[] scores = {10, 20, 30};
        assertThat(Auc.withInterval(SortOrder.ascending(scores, 3), TestRows.labels(0, 0, 0),
                OutcomeKind.CHURN, new int[3], 1)).isEqualTo(Auc.Result.NONE);
        Auc.Result oneAccount = Auc.withInterval(SortOrder.ascending(scores, 3), TestRows.labels(1, 0, 0),
                OutcomeKind.CHURN, new int[3], 1);
        assertThat(oneAccount.value()).isEqualTo(1.0);
        assertThat(oneAccount.low()).isNull();
        assertThat(oneAccount.high()).isNull();
    }

    @Test
    void missingValuesAreLeftOut() {
        double[] scores = {10, Double.NaN, 30, Double.NaN};
        assertThat(Auc.value(scores, TestRows.labels(1, 0, 0, 1), 4, OutcomeKind.CHURN)).isEqualTo(1.0);
    }

    /** Rows as {score, y, account}: small ranges, so ties and repeated accounts are common. */
    @Provide
    Arbitrary<List<int[]>> rows() {
        Arbitrary<int[]> row = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 6))
                .as((s, y, a) -> new int[] {s, y, a});
        return row.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void equalsThePairwiseCountAndTheDefinitionOfTheInterval(@ForAll("rows") List<int[]> rows,
                                                             @ForAll OutcomeKind outcome) {
        int n = rows.size();
        double[] scores = new double[n];
        boolean[] y = new boolean[n];
        int[] account = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = rows.get(i)[0] * 7.5; // not integers, to stay honest about doubles
            y[i] = rows.get(i)[1] == 1;
            account[i] = rows.get(i)[2];
        }
        Auc.Result fast = Auc.withInterval(SortOrder.ascending(scores, n), y, outcome, account, 7);

        // Brute force: every (positive, negative) pair, and each row's component straight from the definition.
        long m = 0;
        long negatives = 0;
        for (boolean b : y) {
            if (b) {
                m++;
            } else {
                negatives++;
            }
        }
        if (m == 0 || negatives == 0) {
            assertThat(fast).isEqualTo(Auc.Result.NONE);
            return;
        }
        double wins = 0;
        double[] v10 = new double[7];
        double[] v01 = new double[7];
        int[] mc = new int[7];
        int[] nc = new int[7];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    // i positive, j negative: the positive "wins" when it looks riskier.
                    double w = scores[i] == scores[j] ? 0.5
                            : (outcome == OutcomeKind.CHURN ? scores[i] < scores[j] : scores[i] > scores[j]) ? 1 : 0;
                    wins += w;
                    v10[account[i]] += w / negatives;
                    v01[account[j]] += w / m;
                }
            }
            if (y[i]) {
                mc[account[i]]++;
            } else {
                nc[account[i]]++;
            }
        }
        double auc = wins / (m * negatives);
        assertThat(fast.value()).isCloseTo(auc, within(1e-12));

        int k = 0;
        double s10 = 0;
        double s01 = 0;
        double s11 = 0;
        for (int c = 0; c < 7; c++) {
            if (mc[c] + nc[c] > 0) {
                k++;
                s10 += (v10[c] - mc[c] * auc) * (v10[c] - mc[c] * auc);
                s01 += (v01[c] - nc[c] * auc) * (v01[c] - nc[c] * auc);
                s11 += (v10[c] - mc[c] * auc) * (v01[c] - nc[c] * auc);
            }
        }
        if (k < 2) {
            assertThat(fast.low()).isNull();
            return;
        }
        double f = k / (k - 1.0);
        double var = f / m * s10 / m + f / negatives * s01 / negatives + 2 * f * s11 / ((double) m * negatives);
        double half = 1.96 * Math.sqrt(Math.max(0, var));
        assertThat(fast.low()).isCloseTo(Math.max(0, auc - half), within(1e-9));
        assertThat(fast.high()).isCloseTo(Math.min(1, auc + half), within(1e-9));
    }

    @Property(tries = 100)
    void expansionIsChurnOfTheNegatedScores(@ForAll("rows") List<int[]> rows) {
        int n = rows.size();
        double[] scores = new double[n];
        double[] negated = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = rows.get(i)[0];
            negated[i] = -scores[i];
            y[i] = rows.get(i)[1] == 1;
        }
        assertThat(Auc.value(scores, y, n, OutcomeKind.EXPANSION)).isEqualTo(Auc.value(negated, y, n, OutcomeKind.CHURN));
    }
}
