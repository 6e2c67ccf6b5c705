package org.healthscore.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.healthscore.api.metric.Direction.HIGHER_IS_BETTER;
import static org.healthscore.api.metric.Direction.LOWER_IS_BETTER;
import static org.healthscore.service.scoring.Fixtures.linear;
import static org.healthscore.service.scoring.Fixtures.measure;
import static org.healthscore.service.scoring.Fixtures.raw;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.service.scoring.ScoringRule.BooleanRule;
import org.healthscore.service.scoring.ScoringRule.Linear;
import org.healthscore.service.scoring.ScoringRule.Percentile;
import org.healthscore.service.scoring.ScoringRule.Thresholds;
import org.healthscore.service.scoring.ScoringRule.Thresholds.Step;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed totals, breakdowns, policies, coverage and bands for DESIGN.md 3.4. */
class ScoreCalculatorTest {

    /**
     * Four measures, total weight 10:
     * adoption 3 (LINEAR 0-100), seats 2 (THRESHOLDS: below 50 -> 30, below 80 -> 60, else 100) in group
     * Adoption; escalated 1 (BOOLEAN, lower is better), tickets 4 (LINEAR 0-10, lower is better) in group Risk.
     */
    private static final List<Measure> MEASURES = List.of(
            linear("adoption", 3, "Adoption"),
            measure("seats", 2, "Adoption", new Thresholds(List.of(new Step(50, 30), new Step(80, 60)), 100),
                    HIGHER_IS_BETTER),
            measure("escalated", 1, "Risk", new BooleanRule(), LOWER_IS_BETTER),
            measure("tickets", 4, "Risk", new Linear(0, 10), LOWER_IS_BETTER));

    private static ScoreCalculator calculator(MissingDataPolicy policy) {
        return new ScoreCalculator(new Recipe(MEASURES, new MissingData(policy, 0.6), Bands.DEFAULT));
    }

    /** Raw values scoring 80, 60, 0, 75. */
    private static Health everyMeasure(MissingDataPolicy policy) {
        return calculator(policy).score(raw(80.0, 65.0, 1.0, 2.5), Populations.NONE);
    }

    /** tickets (weight 4 of 10) missing: coverage 0.6, exactly the minimum. */
    private static Health ticketsMissing(MissingDataPolicy policy) {
        return calculator(policy).score(raw(80.0, 65.0, 1.0, null), Populations.NONE);
    }

    @Nested
    class EveryMeasurePresent {

        @Test
        void scoreIsTheWeightedMean() {
            Health h = everyMeasure(MissingDataPolicy.RENORMALIZE);
            // (3*80 + 2*60 + 1*0 + 4*75) / 10 = 660 / 10
            assertThat(h.score()).isEqualTo(66.0);
            assertThat(h.band()).isEqualTo(Band.YELLOW);
            assertThat(h.coverage()).isEqualTo(1.0);
        }

        @Test
        void breakdownGivesContributionsAndPointsLost() {
            assertThat(everyMeasure(MissingDataPolicy.RENORMALIZE).measures()).containsExactly(
                    new MeasureScore("adoption", 80.0, 80.0, 3, 24.0, 6.0, "Adoption", null),
                    new MeasureScore("seats", 65.0, 60.0, 2, 12.0, 8.0, "Adoption", null),
                    new MeasureScore("escalated", 1.0, 0.0, 1, 0.0, 10.0, "Risk", null),
                    new MeasureScore("tickets", 2.5, 75.0, 4, 30.0, 10.0, "Risk", null));
        }

        @Test
        void groupSubscoresAreWeightedMeansWithinTheGroup() {
            assertThat(everyMeasure(MissingDataPolicy.RENORMALIZE).groups()).containsExactly(
                    new GroupScore("Adoption", 72.0),  // (240 + 120) / 5
                    new GroupScore("Risk", 60.0));     // (0 + 300) / 5
        }

        @Test
        void thePolicyMattersOnlyWhenSomethingIsMissing() {
            assertThat(everyMeasure(MissingDataPolicy.NEUTRAL)).isEqualTo(everyMeasure(MissingDataPolicy.RENORMALIZE));
            assertThat(everyMeasure(MissingDataPolicy.ZERO)).isEqualTo(everyMeasure(MissingDataPolicy.RENORMALIZE));
        }
    }

    @Nested
    class Policies {

        @Test
        void renormalizeDropsTheMissingMeasure() {
            Health h = ticketsMissing(MissingDataPolicy.RENORMALIZE);
            assertThat(h.score()).isEqualTo(60.0); // (240 + 120 + 0) / 6
            assertThat(h.band()).isEqualTo(Band.YELLOW);
            assertThat(h.coverage()).isEqualTo(0.6);
            assertThat(h.measures()).containsExactly(
                    new MeasureScore("adoption", 80.0, 80.0, 3, 40.0, 10.0, "Adoption", null),
                    new MeasureScore("seats", 65.0, 60.0, 2, 20.0, 2 * 40.0 / 6, "Adoption", null),
                    new MeasureScore("escalated", 1.0, 0.0, 1, 0.0, 100.0 / 6, "Risk", null),
                    new MeasureScore("tickets", null, null, 4, null, null, "Risk", null));
            assertThat(h.groups()).containsExactly(new GroupScore("Adoption", 72.0), new GroupScore("Risk", 0.0));
        }

        @Test
        void neutralScoresTheMissingMeasure50() {
            Health h = ticketsMissing(MissingDataPolicy.NEUTRAL);
            assertThat(h.score()).isEqualTo(56.0); // (240 + 120 + 0 + 4*50) / 10
            assertThat(h.coverage()).isEqualTo(0.6);
            assertThat(h.measures().get(3))
                    .isEqualTo(new MeasureScore("tickets", null, 50.0, 4, 20.0, 20.0, "Risk", null));
            assertThat(h.groups()).containsExactly(new GroupScore("Adoption", 72.0), new GroupScore("Risk", 40.0));
        }

        @Test
        void zeroScoresTheMissingMeasure0() {
            Health h = ticketsMissing(MissingDataPolicy.ZERO);
            assertThat(h.score()).isEqualTo(36.0); // 360 / 10
            assertThat(h.band()).isEqualTo(Band.RED);
            assertThat(h.measures().get(3))
                    .isEqualTo(new MeasureScore("tickets", null, 0.0, 4, 0.0, 40.0, "Risk", null));
            assertThat(h.groups()).containsExactly(new GroupScore("Adoption", 72.0), new GroupScore("Risk", 0.0));
        }

        @Test
        void aGroupWithNothingCountingHasNoSubscoreUnderRenormalize() {
            Health h = calculator(MissingDataPolicy.RENORMALIZE).score(raw(80.0, 65.0, null, null), Populations.NONE);
            // coverage 5/10 < 0.6
            assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_DATA);
            ScoreCalculator lenient = new ScoreCalculator(new Recipe(MEASURES,
                    new MissingData(MissingDataPolicy.RENORMALIZE, 0.5), Bands.DEFAULT));
            assertThat(lenient.score(raw(80.0, 65.0, null, null), Populations.NONE).groups())
                    .containsExactly(new GroupScore("Adoption", 72.0), new GroupScore("Risk", null));
        }
    }

    @Nested
    class Coverage {

        @Test
        void exactlyAtTheMinimumIsSufficient() {
            for (MissingDataPolicy policy : MissingDataPolicy.values()) {
                assertThat(ticketsMissing(policy).score()).as("%s", policy).isNotNull();
            }
        }

        @Test
        void justBelowTheMinimumIsInsufficient() {
            ScoreCalculator strict = new ScoreCalculator(new Recipe(MEASURES,
                    new MissingData(MissingDataPolicy.NEUTRAL, 0.6000001), Bands.DEFAULT));
            Health h = strict.score(raw(80.0, 65.0, 1.0, null), Populations.NONE);
            assertThat(h.score()).isNull();
            assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_DATA);
            assertThat(h.coverage()).isEqualTo(0.6);
        }

        @Test
        void insufficientDataStillShowsTheMeasuresButNoPointsOrSubscores() {
            Health h = calculator(MissingDataPolicy.NEUTRAL).score(raw(80.0, null, 1.0, null), Populations.NONE);
            assertThat(h.coverage()).isEqualTo(0.4);
            assertThat(h.score()).isNull();
            assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_DATA);
            assertThat(h.measures()).containsExactly(
                    new MeasureScore("adoption", 80.0, 80.0, 3, null, null, "Adoption", null),
                    new MeasureScore("seats", null, 50.0, 2, null, null, "Adoption", null),
                    new MeasureScore("escalated", 1.0, 0.0, 1, null, null, "Risk", null),
                    new MeasureScore("tickets", null, 50.0, 4, null, null, "Risk", null));
            assertThat(h.groups()).containsExactly(new GroupScore("Adoption", null), new GroupScore("Risk", null));
        }

        @Test
        void decimalWeightsThatReachTheMinimumOnPaperCountAsReachingIt() {
            // 0.36 / (0.36 + 0.2 + 0.04) is 0.6 on paper and 0.5999999999999999 in binary floating point.
            List<Measure> measures = List.of(linear("a", 0.36, null), linear("b", 0.2, null), linear("c", 0.04, null));
            Health h = new ScoreCalculator(new Recipe(measures)).score(raw(50.0, null, null), Populations.NONE);
            assertThat(h.coverage()).isLessThan(0.6).isCloseTo(0.6, within(1e-15));
            assertThat(h.score()).isEqualTo(50.0);
        }

        @Test
        void nothingPresentUnderRenormalizeIsInsufficientEvenWithMinimumZero() {
            ScoreCalculator anything = new ScoreCalculator(new Recipe(MEASURES,
                    new MissingData(MissingDataPolicy.RENORMALIZE, 0), Bands.DEFAULT));
            Health h = anything.score(raw(null, null, null, null), Populations.NONE);
            assertThat(h.coverage()).isEqualTo(0.0);
            assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_DATA);
        }

        @Test
        void nothingPresentUnderNeutralWithMinimumZeroIsNeutral() {
            ScoreCalculator anything = new ScoreCalculator(new Recipe(MEASURES,
                    new MissingData(MissingDataPolicy.NEUTRAL, 0), Bands.DEFAULT));
            Health h = anything.score(raw(null, null, null, null), Populations.NONE);
            assertThat(h.score()).isEqualTo(50.0);
            assertThat(h.band()).isEqualTo(Band.YELLOW);
        }

        @Test
        void minCoverageMustLieWithin0To1() {
            assertThatThrownBy(() -> new MissingData(MissingDataPolicy.ZERO, 1.01))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new MissingData(MissingDataPolicy.ZERO, -0.1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class BandsAtTheirThresholds {

        private final ScoreCalculator single = new ScoreCalculator(new Recipe(List.of(linear("x", 1, null))));

        @ParameterizedTest(name = "score {0} is {1}")
        @CsvSource({
                "0, RED",
                "39.999, RED",
                "40, YELLOW",
                "69.999, YELLOW",
                "70, GREEN",
                "100, GREEN"})
        void defaults(double score, Band band) {
            Health h = single.score(raw(score), Populations.NONE);
            assertThat(h.score()).isEqualTo(score);
            assertThat(h.band()).isEqualTo(band);
        }

        @Test
        void customThresholds() {
            Bands bands = new Bands(50, 80);
            assertThat(bands.band(49.99)).isEqualTo(Band.RED);
            assertThat(bands.band(50)).isEqualTo(Band.YELLOW);
            assertThat(bands.band(80)).isEqualTo(Band.GREEN);
            Bands noYellow = new Bands(60, 60);
            assertThat(noYellow.band(59.9)).isEqualTo(Band.RED);
            assertThat(noYellow.band(60)).isEqualTo(Band.GREEN);
        }

        @Test
        void aScoreOf70OnPaperIsGreenEvenWhenFloatingPointSaysOtherwise() {
            // 0.1 * 70 + 0.2 * 70 over 0.1 + 0.2 is 69.99999999999999 in doubles.
            List<Measure> measures = List.of(linear("a", 0.1, null), linear("b", 0.2, null));
            Health h = new ScoreCalculator(new Recipe(measures)).score(raw(70.0, 70.0), Populations.NONE);
            assertThat(h.score()).isLessThan(70).isCloseTo(70, within(1e-12));
            assertThat(h.band()).isEqualTo(Band.GREEN);
        }

        @Test
        void redBelowMustNotExceedGreenFrom() {
            assertThatThrownBy(() -> new Bands(70, 40)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("redBelow");
        }
    }

    @Nested
    class Percentiles {

        private final Recipe recipe = new Recipe(List.of(
                measure("logins", 1, "Engagement", new Percentile(), HIGHER_IS_BETTER),
                measure("tickets", 1, "Risk", new Percentile(), LOWER_IS_BETTER),
                linear("nps", 2, "Voice")));

        @Test
        void thePopulationIsBuiltOnceFromEveryAccountWithAValueAndReused() {
            List<List<Aggregate>> accounts = List.of(
                    raw(10.0, 0.0, 50.0),
                    raw(20.0, 2.0, 50.0),
                    raw(20.0, null, 50.0),
                    raw(30.0, 5.0, 50.0));
            Populations.Builder builder = Populations.builder(recipe);
            accounts.forEach(builder::add);
            Populations populations = builder.build();
            assertThat(populations.get("logins").size()).isEqualTo(4);
            assertThat(populations.get("tickets").size()).isEqualTo(3);
            assertThat(populations.get("nps")).isNull();

            ScoreCalculator calculator = new ScoreCalculator(recipe);
            Health first = calculator.score(accounts.get(0), populations);
            // logins 10: (0 + 0.5) / 4 = 12.5; tickets 0 of {0, 2, 5}, lower is better: 100 - (0 + 0.5) / 3 * 100
            assertThat(first.measures().get(0).score()).isEqualTo(12.5);
            assertThat(first.measures().get(1).score()).isCloseTo(100 - 50.0 / 3, within(1e-12));
            assertThat(first.score()).isCloseTo((12.5 + (100 - 50.0 / 3) + 2 * 50) / 4, within(1e-12));
            Health third = calculator.score(accounts.get(2), populations);
            assertThat(third.measures().get(0).score()).isEqualTo(50.0); // (1 + 0.5 * 2) / 4
            assertThat(third.measures().get(1).score()).isNull();
        }

        @Test
        void aPercentileMeasureWithoutItsPopulationIsAnError() {
            assertThatThrownBy(() -> new ScoreCalculator(recipe).score(raw(1.0, 1.0, 1.0), Populations.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PERCENTILE");
        }
    }

    @Nested
    class FromObservations {

        @Test
        void aggregatesEachMeasureWithItsOwnWindowThenScores() {
            LocalDate asOf = LocalDate.of(2025, 6, 30);
            Recipe recipe = new Recipe(List.of(
                    new Measure("logins", 1, "E", new Linear(0, 20), HIGHER_IS_BETTER,
                            new Aggregation(AggregationFunction.SUM, 7)),
                    new Measure("nps", 1, "V", new Linear(-100, 100), HIGHER_IS_BETTER,
                            new Aggregation(AggregationFunction.LATEST, 30)),
                    new Measure("usage", 2, "E", new Linear(-50, 50), HIGHER_IS_BETTER,
                            new Aggregation(AggregationFunction.TREND, 60))));
            List<Series> observations = List.of(
                    // 5 + 3 inside the week ending 06-30, 100 on 06-23 outside it: SUM 8 -> 40
                    Series.of(Point.at("2025-06-23T12:00:00Z", 100), Point.at("2025-06-24T00:00:00Z", 5),
                            Point.at("2025-06-29T09:00:00Z", 3)),
                    // the newest is 45 days old: missing, ageDays 45
                    Series.of(Point.at("2025-05-16T00:00:00Z", 40)),
                    // older half (05-01 .. 05-31) mean 100, newer (06-01 .. 06-30) mean 120: +20 % -> 70
                    Series.of(Point.at("2025-05-10T00:00:00Z", 100), Point.at("2025-06-20T00:00:00Z", 120)));
            Health h = new ScoreCalculator(recipe).score(asOf, observations, Populations.NONE);
            assertThat(h.measures()).extracting(MeasureScore::rawValue).containsExactly(8.0, null, 20.0);
            assertThat(h.measures()).extracting(MeasureScore::score).containsExactly(40.0, null, 70.0);
            assertThat(h.measures()).extracting(MeasureScore::ageDays).containsExactly(1, 45, 10);
            assertThat(h.coverage()).isEqualTo(0.75);
            assertThat(h.score()).isEqualTo(60.0); // (40 + 2 * 70) / 3
            assertThat(h.groups()).containsExactly(new GroupScore("E", 60.0), new GroupScore("V", null));
        }
    }

    @Nested
    class Inputs {

        @Test
        void oneAggregatePerMeasure() {
            assertThatThrownBy(() -> calculator(MissingDataPolicy.ZERO).score(raw(1.0), Populations.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one per measure");
        }

        @Test
        void weightsMustBePositive() {
            assertThatThrownBy(() -> linear("a", 0, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> linear("a", -1, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> linear("a", Double.NaN, null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aMetricAppearsOnce() {
            assertThatThrownBy(() -> new Recipe(List.of(linear("a", 1, null), linear("a", 2, null))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one");
        }

        @Test
        void aScorecardHasAMeasure() {
            assertThatThrownBy(() -> new Recipe(List.of())).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void measuresWithoutAGroupAreInNoSubscore() {
            Health h = new ScoreCalculator(new Recipe(List.of(linear("a", 1, null), linear("b", 1, "G"))))
                    .score(raw(20.0, 40.0), Populations.NONE);
            assertThat(h.score()).isEqualTo(30.0);
            assertThat(h.groups()).containsExactly(new GroupScore("G", 40.0));
        }
    }
}
