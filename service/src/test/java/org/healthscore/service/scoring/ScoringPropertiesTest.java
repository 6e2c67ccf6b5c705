package org.healthscore.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.api.metric.Direction;
import org.healthscore.service.scoring.ScoringRule.BooleanRule;
import org.healthscore.service.scoring.ScoringRule.Linear;
import org.healthscore.service.scoring.ScoringRule.Percentile;
import org.healthscore.service.scoring.ScoringRule.Thresholds;
import org.healthscore.service.scoring.ScoringRule.Thresholds.Step;

/** Properties of DESIGN.md 3.2-3.4 that must hold for every scorecard and every input. */
class ScoringPropertiesTest {

    private static final String[] GROUPS = {"D", "E", "A", "R"};

    /** A scorecard with arbitrary rules, weights, directions and policy, and one account's raw values. */
    record Case(List<Measure> measures, List<Double> raws, MissingDataPolicy policy, double minCoverage,
                Map<String, Population> populations) {

        Recipe recipe() {
            return new Recipe(measures, new MissingData(policy, minCoverage), Bands.DEFAULT);
        }

        Health health() {
            return new ScoreCalculator(recipe()).score(aggregates(), Populations.of(populations));
        }

        List<Aggregate> aggregates() {
            return Fixtures.raw(raws.toArray(Double[]::new));
        }

        Case withWeightsTimes(double factor) {
            List<Measure> scaled = measures.stream().map(m -> new Measure(m.metric(), m.weight() * factor, m.group(),
                    m.rule(), m.direction(), m.aggregation())).toList();
            return new Case(scaled, raws, policy, minCoverage, populations);
        }

        Case withRaw(int index, Double raw) {
            List<Double> changed = new ArrayList<>(raws);
            changed.set(index, raw);
            return new Case(measures, changed, policy, minCoverage, populations);
        }

        Case withPolicy(MissingDataPolicy other) {
            return new Case(measures, raws, other, minCoverage, populations);
        }
    }

    // ---------------------------------------------------------------- the weighted total

    @Property
    void everyScoreLiesWithin0To100(@ForAll("anyCase") Case c) {
        Health h = c.health();
        assertThat(h.coverage()).isBetween(0.0, 1.0);
        if (h.score() != null) {
            assertThat(h.score()).isBetween(0.0, 100.0);
        }
        for (MeasureScore m : h.measures()) {
            if (m.score() != null) {
                assertThat(m.score()).isBetween(0.0, 100.0);
            }
        }
        for (GroupScore g : h.groups()) {
            if (g.score() != null) {
                assertThat(g.score()).isBetween(0.0, 100.0);
            }
        }
    }

    @Property
    void raisingOneMeasuresScoreNeverLowersTheTotal(@ForAll("linearCase") Case c, @ForAll @IntRange(max = 11) int pick,
                                                   @ForAll @DoubleRange(min = 0, max = 300) double step) {
        // LINEAR is monotone: moving the raw value towards the good end never lowers the measure score.
        int index = pick % c.raws().size();
        Double before = c.raws().get(index);
        Assume.that(before != null);
        boolean higherIsBetter = c.measures().get(index).direction() == Direction.HIGHER_IS_BETTER;
        Health lower = c.health();
        Health higher = c.withRaw(index, higherIsBetter ? before + step : before - step).health();
        assertThat(higher.measures().get(index).score()).isGreaterThanOrEqualTo(lower.measures().get(index).score());
        assertThat(higher.coverage()).isEqualTo(lower.coverage());
        assertThat(higher.band() == Band.INSUFFICIENT_DATA).isEqualTo(lower.band() == Band.INSUFFICIENT_DATA);
        if (lower.score() != null) {
            assertThat(higher.score()).isGreaterThanOrEqualTo(lower.score());
            assertThat(higher.band().compareTo(lower.band())).isGreaterThanOrEqualTo(0); // RED < YELLOW < GREEN
        }
    }

    @Property
    void scalingAllWeightsChangesNothing(@ForAll("anyCase") Case c,
                                         @ForAll @DoubleRange(min = 0.001, max = 1000) @Scale(4) double factor) {
        Health original = c.health();
        Health scaled = c.withWeightsTimes(factor).health();
        assertThat(scaled.coverage()).isCloseTo(original.coverage(), within(1e-9));
        // Only a coverage within rounding of the minimum could tip over; the tolerance makes that vanishingly rare.
        Assume.that(Math.abs(original.coverage() - c.minCoverage()) > 1e-9);
        assertThat(scaled.band() == Band.INSUFFICIENT_DATA).isEqualTo(original.band() == Band.INSUFFICIENT_DATA);
        if (original.score() == null) {
            return;
        }
        assertThat(scaled.score()).isCloseTo(original.score(), within(1e-9));
        for (int i = 0; i < original.measures().size(); i++) {
            MeasureScore a = original.measures().get(i);
            MeasureScore b = scaled.measures().get(i);
            assertThat(b.score()).isEqualTo(a.score());
            if (a.contribution() != null) {
                assertThat(b.contribution()).isCloseTo(a.contribution(), within(1e-9));
                assertThat(b.pointsLost()).isCloseTo(a.pointsLost(), within(1e-9));
            }
        }
        for (int g = 0; g < original.groups().size(); g++) {
            Double a = original.groups().get(g).score();
            if (a != null) {
                assertThat(scaled.groups().get(g).score()).isCloseTo(a, within(1e-9));
            }
        }
    }

    @Property
    void renormalizeWithEveryMeasurePresentIsThePlainWeightedMean(@ForAll("linearCase") Case c,
                                                                  @ForAll("presentRaws") List<Double> raws) {
        List<Double> values = raws.subList(0, c.measures().size());
        Case present = new Case(c.measures(), values, MissingDataPolicy.RENORMALIZE, c.minCoverage(), Map.of());
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < values.size(); i++) {
            Measure m = c.measures().get(i);
            Linear rule = (Linear) m.rule();
            double fraction = Math.min(1, Math.max(0, (values.get(i) - rule.min()) / (rule.max() - rule.min())));
            double score = m.direction() == Direction.HIGHER_IS_BETTER ? fraction * 100 : 100 - fraction * 100;
            weighted += m.weight() * score;
            weights += m.weight();
        }
        Health h = present.health();
        assertThat(h.coverage()).isEqualTo(1.0);
        assertThat(h.score()).isCloseTo(weighted / weights, within(1e-9));
        for (MissingDataPolicy other : MissingDataPolicy.values()) {
            assertThat(present.withPolicy(other).health()).isEqualTo(h);
        }
    }

    @Property
    void contributionsAddUpToTheScoreAndPointsLostToTheRest(@ForAll("anyCase") Case c) {
        Health h = c.health();
        Assume.that(h.score() != null);
        double contributions = 0;
        double lost = 0;
        for (MeasureScore m : h.measures()) {
            if (m.score() != null) {
                contributions += m.contribution();
                lost += m.pointsLost();
            } else {
                assertThat(m.contribution()).isNull();
            }
        }
        assertThat(contributions).isCloseTo(h.score(), within(1e-9));
        assertThat(contributions + lost).isCloseTo(100, within(1e-9));
    }

    @Property
    void groupSubscoresWeightedByTheirCountingWeightsGiveTheTotal(@ForAll("anyCase") Case c) {
        Health h = c.health();
        Assume.that(h.score() != null);
        Map<String, Double> groupWeight = new HashMap<>();
        for (MeasureScore m : h.measures()) {
            if (m.score() != null) {
                groupWeight.merge(m.group(), m.weight(), Double::sum);
            }
        }
        double weighted = 0;
        double weights = 0;
        for (GroupScore g : h.groups()) {
            if (g.score() != null) {
                weighted += groupWeight.get(g.name()) * g.score();
                weights += groupWeight.get(g.name());
            } else {
                assertThat(groupWeight).doesNotContainKey(g.name());
            }
        }
        assertThat(weighted / weights).isCloseTo(h.score(), within(1e-9));
    }

    // ---------------------------------------------------------------- percentiles

    @Property
    void percentileOfTheMaximumIsBelow100AndOfTheMinimumAbove0(
            @ForAll @Size(min = 2, max = 200) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        Assume.that(max > min);
        Population population = Population.of(values);
        Percentile rule = new Percentile();
        assertThat(rule.score(max, Direction.HIGHER_IS_BETTER, population)).isLessThan(100).isGreaterThan(0);
        assertThat(rule.score(min, Direction.HIGHER_IS_BETTER, population)).isGreaterThan(0).isLessThan(100);
        assertThat(rule.score(max, Direction.LOWER_IS_BETTER, population)).isGreaterThan(0);
        assertThat(rule.score(min, Direction.LOWER_IS_BETTER, population)).isLessThan(100);
        assertThat(rule.score(max, Direction.HIGHER_IS_BETTER, population))
                .isGreaterThan(rule.score(min, Direction.HIGHER_IS_BETTER, population));
    }

    @Property
    void percentilesOfThePopulationAverage50(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1e3, max = 1e3) Double> values) {
        // Mid-ranks average (n + 1) / 2 of n, so the mid-rank percentiles of everyone average exactly 50.
        Population population = Population.of(values);
        double sum = 0;
        for (double v : values) {
            sum += population.percentile(v);
        }
        assertThat(sum / values.size()).isCloseTo(50, within(1e-9));
    }

    // ---------------------------------------------------------------- aggregation windows

    @Property
    void windowsOfConsecutiveDaysTileTime(@ForAll("observations") Series series,
                                          @ForAll @IntRange(min = 0, max = 70) int asOfOffset,
                                          @ForAll @IntRange(min = 1, max = 40) int windowDays) {
        LocalDate asOf = BASE_DAY.plusDays(asOfOffset);
        double count = 0;
        double sum = 0;
        for (int d = 0; d < windowDays; d++) {
            count += Aggregator.aggregate(AggregationFunction.COUNT, 1, asOf.minusDays(d), series).orElse(0);
            sum += Aggregator.aggregate(AggregationFunction.SUM, 1, asOf.minusDays(d), series).orElse(0);
        }
        assertThat(Aggregator.aggregate(AggregationFunction.COUNT, windowDays, asOf, series).orElse(0)).isEqualTo(count);
        assertThat(Aggregator.aggregate(AggregationFunction.SUM, windowDays, asOf, series).orElse(0))
                .isCloseTo(sum, within(1e-6));
    }

    @Property
    void anObservationIsInAWindowExactlyWhenItsAgeIsBelowTheWindow(
            @ForAll @IntRange(min = 0, max = 60 * 24 * 60) int minute, @ForAll @IntRange(max = 999) int millis,
            @ForAll @IntRange(min = 0, max = 70) int asOfOffset, @ForAll @IntRange(min = 1, max = 40) int windowDays) {
        Series one = Series.of(new Point(BASE + minute * 60_000L + millis, 1));
        LocalDate asOf = BASE_DAY.plusDays(asOfOffset);
        boolean inWindow = Aggregator.aggregate(AggregationFunction.COUNT, windowDays, asOf, one).isPresent();
        boolean young = Aggregator.ageDays(asOf, one).stream().anyMatch(age -> age < windowDays);
        assertThat(inWindow).isEqualTo(young);
    }

    @Property
    void anEvenTrendIsTheChangeBetweenTheAveragesOfItsTwoHalves(@ForAll("observations") Series series,
                                                              @ForAll @IntRange(min = 0, max = 70) int asOfOffset,
                                                              @ForAll @IntRange(min = 1, max = 20) int halfDays) {
        LocalDate asOf = BASE_DAY.plusDays(asOfOffset);
        OptionalDouble older = Aggregator.aggregate(AggregationFunction.AVERAGE, halfDays, asOf.minusDays(halfDays),
                series);
        OptionalDouble newer = Aggregator.aggregate(AggregationFunction.AVERAGE, halfDays, asOf, series);
        OptionalDouble trend = Aggregator.aggregate(AggregationFunction.TREND, 2 * halfDays, asOf, series);
        if (older.isEmpty() || newer.isEmpty() || older.getAsDouble() == 0) {
            assertThat(trend).isEmpty();
        } else {
            double o = older.getAsDouble();
            assertThat(trend).hasValue((newer.getAsDouble() - o) / Math.abs(o) * 100);
        }
    }

    @Property
    void theGallopingSearchFindsWhatAScanFinds(@ForAll("observations") Series series,
                                               @ForAll @IntRange(min = -2, max = 62 * 24) int hour,
                                               @ForAll @IntRange(max = 100) int limitPercent) {
        long instant = BASE + hour * 3_600_000L;
        int limit = series.size() * limitPercent / 100;
        int scan = 0;
        while (scan < limit && series.epochMillis(scan) < instant) {
            scan++;
        }
        assertThat(series.firstIndexAtOrAfter(instant, limit)).isEqualTo(scan);
        if (limit == series.size()) {
            assertThat(series.firstIndexAtOrAfter(instant)).isEqualTo(scan);
        }
    }

    // ---------------------------------------------------------------- generators

    private static final LocalDate BASE_DAY = LocalDate.of(2024, 1, 1);
    private static final long BASE = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Provide
    Arbitrary<Series> observations() {
        Arbitrary<Point> point = Combinators.combine(
                Arbitraries.longs().between(0, 60L * 86_400_000L),
                Arbitraries.integers().between(-100, 100))
                .as((offset, value) -> new Point(BASE + offset, value));
        // Midnight-stamped points (date-only imports) hit the window edges exactly.
        Arbitrary<Point> midnight = Combinators.combine(Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(-100, 100))
                .as((day, value) -> new Point(BASE + day * 86_400_000L, value));
        return Arbitraries.oneOf(point, midnight).list().ofMaxSize(80).map(Series::of);
    }

    @Provide
    Arbitrary<Case> anyCase() {
        return cases(rule());
    }

    @Provide
    Arbitrary<Case> linearCase() {
        return cases(linearRule());
    }

    @Provide
    Arbitrary<List<Double>> presentRaws() {
        return Arbitraries.doubles().between(-300, 300).list().ofSize(12);
    }

    private Arbitrary<Case> cases(Arbitrary<ScoringRule> rules) {
        Arbitrary<Measure> measure = Combinators.combine(
                        Arbitraries.doubles().between(0.01, 100).ofScale(4),
                        Arbitraries.of(GROUPS),
                        rules,
                        Arbitraries.of(Direction.class))
                .as((weight, group, rule, direction) -> Fixtures.measure("m", weight, group, rule, direction));
        Arbitrary<List<Measure>> measures = measure.list().ofMinSize(1).ofMaxSize(12).map(list -> {
            List<Measure> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Measure m = list.get(i);
                named.add(new Measure("m" + i, m.weight(), m.group(), m.rule(), m.direction(), m.aggregation()));
            }
            return named;
        });
        Arbitrary<Double> raw = Arbitraries.doubles().between(-300, 300).ofScale(3).injectNull(0.25);
        Arbitrary<List<Double>> populationValues = Arbitraries.doubles().between(-300, 300).list()
                .ofMinSize(1).ofMaxSize(30);
        return measures.flatMap(ms -> Combinators.combine(
                raw.list().ofSize(ms.size()),
                Arbitraries.of(MissingDataPolicy.class),
                Arbitraries.doubles().between(0, 1),
                populationValues.list().ofSize(ms.size()))
                .as((raws, policy, minCoverage, pops) -> {
                    Map<String, Population> populations = new HashMap<>();
                    for (int i = 0; i < ms.size(); i++) {
                        if (ms.get(i).rule().needsPopulation()) {
                            List<Double> values = new ArrayList<>(pops.get(i));
                            if (raws.get(i) != null) {
                                values.add(raws.get(i)); // the account belongs to its population
                            }
                            populations.put(ms.get(i).metric(), Population.of(values));
                        }
                    }
                    return new Case(ms, raws, policy, minCoverage, populations);
                }));
    }

    private Arbitrary<ScoringRule> rule() {
        Arbitrary<ScoringRule> thresholds = Combinators.combine(
                        Arbitraries.doubles().between(-300, 300).set().ofMaxSize(5),
                        Arbitraries.doubles().between(0, 100).list().ofSize(5),
                        Arbitraries.doubles().between(0, 100))
                .as((upTos, scores, otherwise) -> {
                    List<Double> sorted = upTos.stream().sorted().toList();
                    List<Step> steps = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) {
                        steps.add(new Step(sorted.get(i), scores.get(i)));
                    }
                    return new Thresholds(steps, otherwise);
                });
        return Arbitraries.oneOf(linearRule(), thresholds, Arbitraries.just(new BooleanRule()),
                Arbitraries.just(new Percentile()));
    }

    private Arbitrary<ScoringRule> linearRule() {
        return Combinators.combine(Arbitraries.doubles().between(-100, 100), Arbitraries.doubles().between(0.1, 200))
                .as((min, span) -> new Linear(min, min + span));
    }
}
