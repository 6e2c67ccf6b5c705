package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The radix order every rank statistic walks: ascending, stable, NaN left out, -0.0 tied with 0.0. */
class SortOrderTest {

    @Provide
    Arbitrary<List<Double>> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(-1e6, 1e6)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0.0, -0.0, 50.0, 100.0, -3.5, Double.MIN_VALUE, -Double.MAX_VALUE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN))).list().ofMaxSize(200);
    }

    @Property(tries = 300)
    void isAStableAscendingOrderOfTheValuesPresent(@ForAll("values") List<Double> list) {
        double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
        int[] expected = IntStream.range(0, values.length).filter(i -> !Double.isNaN(values[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i] + 0.0)).mapToInt(Integer::intValue).toArray();
        SortOrder order = SortOrder.ascending(values, values.length);
        assertThat(order.rows).containsExactly(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(order.values[k]).isEqualTo(values[expected[k]] + 0.0);
        }
    }

    @Test
    void keysRoundTrip() {
        for (double v : new double[] {0.0, 1.5, -1.5, 100, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-300}) {
            assertThat(SortOrder.value(SortOrder.key(v))).isEqualTo(v);
        }
    }

    @Test
    void negativeZeroTiesWithZero() {
        double[] values = {0.0, -0.0, -1, 1};
        SortOrder order = SortOrder.ascending(values, 4);
        assertThat(order.rows).containsExactly(2, 0, 1, 3);
        assertThat(order.values).containsExactly(-1, 0, 0, 1);
    }

    @Test
    void subsetOfRows() {
        double[] values = {5, 1, Double.NaN, 3, 2};
        assertThat(SortOrder.ascending(values, new int[] {0, 2, 3, 4}, 4).rows).containsExactly(4, 3, 0);
    }
}
