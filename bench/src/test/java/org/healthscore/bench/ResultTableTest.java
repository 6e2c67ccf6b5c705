package org.healthscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static Measurement line(String workload, long units, double costPerUnit, double ratio, Target target) {
        return new Measurement(workload, units + " rows", units, "figure", "floor", ratio, costPerUnit, "µs/row",
                target);
    }

    @Test
    void ratiosCompareWithTheFloorSoThatOneIsTheFloorItself() {
        assertThat(Measurement.timesFloor(6.0, 3.0)).isEqualTo(2.0);
        assertThat(Measurement.slowerThan(25_000, 50_000)).isEqualTo(2.0);
        assertThat(Measurement.slowerThan(100, 50)).isEqualTo(0.5);
    }

    @Test
    void growthIsLinearWithinTheToleranceAndNamedOtherwise() {
        assertThat(Growth.verdict(1.0)).isEqualTo("linear");
        assertThat(Growth.verdict(1.4)).isEqualTo("linear");
        assertThat(Growth.verdict(0.7)).isEqualTo("linear");
        assertThat(Growth.verdict(1.6)).isEqualTo("worse than linear");
        assertThat(Growth.verdict(0.5)).startsWith("better than linear");
        assertThat(Growth.verdict(Double.NaN)).isEqualTo("one size only");
    }

    @Test
    void growthComparesTheLargestSizeWithTheSmallestWhateverTheOrder() {
        List<Measurement> sizes = List.of(line("w", 100_000, 30, 1, Target.none()),
                line("w", 10_000, 10, 1, Target.none()), line("w", 1_000_000, 40, 1, Target.none()));

        assertThat(Growth.perUnitRatio(sizes)).isEqualTo(4.0);
        assertThat(Growth.perUnitRatio(sizes.subList(0, 1))).isNaN();
        assertThat(Growth.perUnitRatio(List.of(line("w", 10, Double.NaN, 1, Target.none()),
                line("w", 20, Double.NaN, 1, Target.none())))).isNaN();
    }

    @Test
    void theTableIsMarkdownWithAlignedColumnsAndAGrowthLinePerWorkload() {
        ResultTable table = new ResultTable();
        table.add(line("ingest CSV", 10_000, 30.0, 1.25, Target.of("<= 2x floor", true)));
        table.add(line("ingest CSV", 1_000_000, 24.0, 2.5, Target.of("<= 2x floor", false)));
        table.add(line("statements", 10, Double.NaN, Double.NaN, Target.none()));

        String[] lines = table.render().split("\n");

        assertThat(lines[0]).startsWith("| workload ").contains("| x floor |").endsWith("| met? |");
        assertThat(lines[1]).matches("\\|( -+ \\|)+").hasSameSizeAs(lines[0]);
        assertThat(lines[2]).contains("| 1.25 ").contains("| 30.0 µs/row ").endsWith("| yes  |")
                .hasSameSizeAs(lines[0]);
        assertThat(lines[3]).contains("| 2.50 ").endsWith("| NO   |");
        assertThat(lines[4]).contains("| -  ").endsWith("| -    |");
        assertThat(table.growth()).contains("- ingest CSV: 30.0 µs/row at 10000 rows, 24.0 µs/row at 1000000 rows;"
                + " x0.80 per unit: linear").doesNotContain("statements");
    }

    @Test
    void costsKeepAboutThreeSignificantFigures() {
        assertThat(ResultTable.cost(0.41234, "ms")).isEqualTo("0.412 ms");
        assertThat(ResultTable.cost(4.1234, "ms")).isEqualTo("4.12 ms");
        assertThat(ResultTable.cost(41.234, "ms")).isEqualTo("41.2 ms");
        assertThat(ResultTable.cost(4123.4, "ms")).isEqualTo("4,123 ms");
        assertThat(ResultTable.cost(Double.NaN, "ms")).isEqualTo("-");
        assertThat(ResultTable.ratio(Double.NaN)).isEqualTo("-");
    }
}
