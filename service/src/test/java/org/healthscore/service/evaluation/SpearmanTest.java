package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.healthscore.api.evaluation.EvaluationReport.RedundantPair;
import org.junit.jupiter.api.Test;

/** Spearman's rho with mid-ranks over the rows where both measures have a value, and the redundant pairs. */
class SpearmanTest {

    private static final double NA = Double.NaN;

    @Test
    void midRanksByHand() {
        // a = 1, 2, 2, 3 -> ranks 1, 2.5, 2.5, 4; b = 1, 3, 2, 4 -> ranks 1, 3, 2, 4; mean rank 2.5.
        // Deviations a: -1.5, 0, 0, 1.5; b: -1.5, 0.5, -0.5, 1.5.
        // rho = (2.25 + 0 + 0 + 2.25) / sqrt(4.5 * 5) = 4.5 / sqrt(22.5) = 0.9486833...
        double[] a = {1, 2, 2, 3};
        double[] b = {1, 3, 2, 4};
        assertThat(Spearman.rhoOfValues(a, b, 4)).isCloseTo(4.5 / Math.sqrt(22.5), within(1e-15));
        assertThat(Spearman.midRanks(SortOrder.ascending(a, 4), null, 4)).containsExactly(1, 2.5, 2.5, 4);
    }

    @Test
    void ranksAreTakenOverTheRowsWhereBothHaveValues() {
        // Over all of a's rows its ranks are 1..5; over the rows b has they are 1..4, and rho is exactly 1.
        double[] a = {0, 1, 2, 3, 4};
        double[] b = {NA, 10, 20, 30, 40};
        assertThat(Spearman.rhoOfValues(a, b, 5)).isEqualTo(1.0);
        assertThat(Spearman.rhoOfValues(new double[] {4, 3, 2, 1, 0}, b, 5)).isEqualTo(-1.0);
    }

    @Test
    void undefinedForAConstantOrTooFewRows() {
        assertThat(Spearman.rhoOfValues(new double[] {5, 5, 5}, new double[] {1, 2, 3}, 3)).isNull();
        assertThat(Spearman.rhoOfValues(new double[] {1, NA, 3}, new double[] {1, 2, NA}, 3)).isNull();
    }

    @Test
    void redundantPairsAtAbsoluteRhoOfAtLeastPointEight() {
        double[][] columns = {
                {1, 2, 3, 4, 5, 6},
                {2, 4, 6, 8, 10, NA},   // same order as the first where it has values: rho 1
                {6, 5, 4, 3, 2, 1},     // reversed: rho -1 with the first
                {7, 7, 7, 7, 7, 7},     // constant: never a pair
                {3, 1, 4, 1, 5, 9}};
        SortOrder[] orders = new SortOrder[columns.length];
        for (int m = 0; m < columns.length; m++) {
            orders[m] = SortOrder.ascending(columns[m], 6);
        }
        List<RedundantPair> pairs = Spearman.redundantPairs(List.of("a", "b", "c", "d", "e"), orders, 6);
        assertThat(pairs).extracting(p -> p.a() + "-" + p.b())
                .containsExactly("a-b", "a-c", "b-c");
        assertThat(pairs.get(0).rho()).isEqualTo(1.0);
        assertThat(pairs.get(1).rho()).isEqualTo(-1.0);
    }

    @Provide
    Arbitrary<List<Double>> column() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.integers().between(0, 8).map(i -> i * 12.5)),
                Tuple.of(1, Arbitraries.just(NA))).list().ofSize(40);
    }

    @Property(tries = 200)
    void equalsTheTextbookDefinition(@ForAll("column") List<Double> first, @ForAll("column") List<Double> second) {
        double[] a = first.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = second.stream().mapToDouble(Double::doubleValue).toArray();
        Double fast = Spearman.rhoOfValues(a, b, 40);
        Double slow = bruteForce(a, b);
        if (slow == null) {
            assertThat(fast).isNull();
        } else {
            assertThat(fast).isCloseTo(slow, within(1e-12));
        }
    }

    /** Mid-ranks by counting (O(n^2)) over the joint rows, then Pearson with two-pass means. */
    private static Double bruteForce(double[] a, double[] b) {
        int n = a.length;
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                rows.add(i);
            }
        }
        int k = rows.size();
        if (k < 2) {
            return null;
        }
        double[] ra = new double[k];
        double[] rb = new double[k];
        for (int x = 0; x < k; x++) {
            double less = 0;
            double equal = 0;
            double lessB = 0;
            double equalB = 0;
            for (int z = 0; z < k; z++) {
                less += a[rows.get(z)] < a[rows.get(x)] ? 1 : 0;
                equal += a[rows.get(z)] == a[rows.get(x)] ? 1 : 0;
                lessB += b[rows.get(z)] < b[rows.get(x)] ? 1 : 0;
                equalB += b[rows.get(z)] == b[rows.get(x)] ? 1 : 0;
            }
            ra[x] = less + (equal + 1) / 2;
            rb[x] = lessB + (equalB + 1) / 2;
        }
        double ma = java.util.Arrays.stream(ra).average().orElseThrow();
        double mb = java.util.Arrays.stream(rb).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int x = 0; x < k; x++) {
            sab += (ra[x] - ma) * (rb[x] - mb);
            saa += (ra[x] - ma) * (ra[x] - ma);
            sbb += (rb[x] - mb) * (rb[x] - mb);
        }
        return saa == 0 || sbb == 0 ? null : sab / Math.sqrt(saa * sbb);
    }
}
