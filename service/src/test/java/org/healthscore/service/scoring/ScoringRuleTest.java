package org.healthscore.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthscore.api.metric.Direction.HIGHER_IS_BETTER;
import static org.healthscore.api.metric.Direction.LOWER_IS_BETTER;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.healthscore.service.scoring.ScoringRule.BooleanRule;
import org.healthscore.service.scoring.ScoringRule.Linear;
import org.healthscore.service.scoring.ScoringRule.Percentile;
import org.healthscore.service.scoring.ScoringRule.Thresholds;
import org.healthscore.service.scoring.ScoringRule.Thresholds.Step;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed measure scores for DESIGN.md 3.3. */
class ScoringRuleTest {

    @Nested
    class LinearRule {

        private final Linear rule = new Linear(0, 10);

        @ParameterizedTest(name = "v={0}: {1} higher is better, {2} lower is better")
        @CsvSource({
                "-5, 0, 100",
                "0, 0, 100",
                "2.5, 25, 75",
                "10, 100, 0",
                "15, 100, 0"})
        void clampsAndInverts(double v, double higher, double lower) {
            assertThat(rule.score(v, HIGHER_IS_BETTER, null)).isEqualTo(higher);
            assertThat(rule.score(v, LOWER_IS_BETTER, null)).isEqualTo(lower);
        }

        @Test
        void offsetRange() {
            // (70 - 50) / (90 - 50) = 0.5
            assertThat(new Linear(50, 90).score(70, HIGHER_IS_BETTER, null)).isEqualTo(50);
            assertThat(new Linear(-20, 20).score(-10, LOWER_IS_BETTER, null)).isEqualTo(75);
        }

        @Test
        void minMustBeBelowMax() {
            assertThatThrownBy(() -> new Linear(5, 5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("min must be less than max");
            assertThatThrownBy(() -> new Linear(6, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Linear(0, Double.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ThresholdsRule {

        /** Fewer support tickets are better: below 3 scores 100, below 7 scores 60, else 20. */
        private final Thresholds rule = new Thresholds(List.of(new Step(3, 100), new Step(7, 60)), 20);

        @ParameterizedTest(name = "v={0} scores {1}")
        @CsvSource({
                "-1, 100",
                "2.999, 100",
                "3, 60",
                "6.999, 60",
                "7, 20",
                "1000, 20"})
        void firstStepWithValueBelowUpTo(double v, double expected) {
            assertThat(rule.score(v, HIGHER_IS_BETTER, null)).isEqualTo(expected);
        }

        @Test
        void directionIsIgnored() {
            for (double v : new double[] {0, 3, 5, 7, 9}) {
                assertThat(rule.score(v, LOWER_IS_BETTER, null)).isEqualTo(rule.score(v, HIGHER_IS_BETTER, null));
            }
        }

        @Test
        void noStepsIsAlwaysOtherwise() {
            assertThat(new Thresholds(List.of(), 35).score(1, HIGHER_IS_BETTER, null)).isEqualTo(35);
        }

        @Test
        void stepsMustAscendStrictly() {
            assertThatThrownBy(() -> new Thresholds(List.of(new Step(7, 60), new Step(3, 100)), 20))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
            assertThatThrownBy(() -> new Thresholds(List.of(new Step(3, 60), new Step(3, 100)), 20))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void scoresMustLieWithin0To100() {
            assertThatThrownBy(() -> new Step(3, 101)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Step(3, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Thresholds(List.of(), 100.5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Thresholds(null, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Boolean {

        private final BooleanRule rule = new BooleanRule();

        @ParameterizedTest(name = "v={0}: {1} higher is better, {2} lower is better")
        @CsvSource({
                "0, 0, 100",
                "0.49, 0, 100",
                "0.5, 100, 0",
                "1, 100, 0"})
        void halfIsTrue(double v, double higher, double lower) {
            assertThat(rule.score(v, HIGHER_IS_BETTER, null)).isEqualTo(higher);
            assertThat(rule.score(v, LOWER_IS_BETTER, null)).isEqualTo(lower);
        }
    }

    @Nested
    class PercentileRule {

        private final Percentile rule = new Percentile();
        private final Population population = Population.of(20, 10, 30, 20);

        @ParameterizedTest(name = "v={0}: {1} higher is better, {2} lower is better")
        @CsvSource({
                "10, 12.5, 87.5",   // (0 + 0.5 * 1) / 4
                "20, 50, 50",       // (1 + 0.5 * 2) / 4: the tie shares ranks 2 and 3
                "30, 87.5, 12.5",   // (3 + 0.5 * 1) / 4
                "25, 75, 25",       // not in the population: 3 below, none equal
                "5, 0, 100",
                "35, 100, 0"})
        void midRank(double v, double higher, double lower) {
            assertThat(rule.score(v, HIGHER_IS_BETTER, population)).isEqualTo(higher);
            assertThat(rule.score(v, LOWER_IS_BETTER, population)).isEqualTo(lower);
        }

        @Test
        void aPopulationOfEqualValuesScoresEveryone50() {
            assertThat(rule.score(7, HIGHER_IS_BETTER, Population.of(7, 7, 7))).isEqualTo(50);
            assertThat(rule.score(7, LOWER_IS_BETTER, Population.of(7))).isEqualTo(50);
        }

        @Test
        void negativeZeroTiesWithZero() {
            Population zeros = Population.of(-0.0, 0.0, 1);
            // (0 + 0.5 * 2) / 3: both zeros tie
            assertThat(rule.score(0.0, HIGHER_IS_BETTER, zeros)).isEqualTo(1.0 / 3 * 100);
            assertThat(rule.score(-0.0, HIGHER_IS_BETTER, zeros)).isEqualTo(1.0 / 3 * 100);
        }

        @Test
        void needsAPopulation() {
            assertThat(rule.needsPopulation()).isTrue();
            assertThat(new Linear(0, 1).needsPopulation()).isFalse();
            assertThatThrownBy(() -> rule.score(1, HIGHER_IS_BETTER, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rule.score(1, HIGHER_IS_BETTER, Population.of()))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void populationRejectsNonFiniteValues() {
            assertThatThrownBy(() -> Population.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Json {

        private final ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        @Test
        void writesTheShapesOfTheSpec() throws Exception {
            assertThat(mapper.writeValueAsString(new Linear(0, 10)))
                    .isEqualTo("{\"type\":\"LINEAR\",\"min\":0.0,\"max\":10.0}");
            assertThat(mapper.writeValueAsString(new Thresholds(List.of(new Step(3, 100)), 20)))
                    .isEqualTo("{\"type\":\"THRESHOLDS\",\"steps\":[{\"upTo\":3.0,\"score\":100.0}],\"otherwise\":20.0}");
            assertThat(mapper.writeValueAsString(new BooleanRule())).isEqualTo("{\"type\":\"BOOLEAN\"}");
            assertThat(mapper.writeValueAsString(new Percentile())).isEqualTo("{\"type\":\"PERCENTILE\"}");
        }

        @Test
        void readsTheShapesOfTheSpec() throws Exception {
            assertThat(read("{\"type\": \"LINEAR\", \"min\": 0, \"max\": 10}")).isEqualTo(new Linear(0, 10));
            assertThat(read("{\"type\": \"THRESHOLDS\", \"steps\": [{\"upTo\": 3, \"score\": 100}], \"otherwise\": 20}"))
                    .isEqualTo(new Thresholds(List.of(new Step(3, 100)), 20));
            assertThat(read("{\"type\": \"BOOLEAN\"}")).isEqualTo(new BooleanRule());
            assertThat(read("{\"type\": \"PERCENTILE\"}")).isEqualTo(new Percentile());
        }

        @Test
        void anInvalidRuleDoesNotRead() {
            assertThatThrownBy(() -> read("{\"type\": \"LINEAR\", \"min\": 10, \"max\": 0}"))
                    .hasMessageContaining("min must be less than max");
            assertThatThrownBy(() -> read("{\"type\": \"SIGMOID\"}")).hasMessageContaining("SIGMOID");
        }

        private ScoringRule read(String json) throws Exception {
            return mapper.readValue(json, ScoringRule.class);
        }
    }
}
