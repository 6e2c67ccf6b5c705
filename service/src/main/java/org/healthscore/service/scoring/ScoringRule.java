package org.healthscore.service.scoring;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.healthscore.api.metric.Direction;

/**
 * A raw value to a measure score 0-100 (DESIGN.md 3.3). In JSON a rule names its type:
 * {@code {"type": "LINEAR", "min": 0, "max": 10}}, {@code {"type": "THRESHOLDS", "steps": [{"upTo": 3,
 * "score": 100}], "otherwise": 20}}, {@code {"type": "BOOLEAN"}}, {@code {"type": "PERCENTILE"}}. The Jackson
 * annotations only describe that shape; nothing here reads or writes JSON.
 *
 * <p>The constructors reject rules whose math is undefined or could leave 0-100 (LINEAR with min >= max,
 * THRESHOLDS not strictly ascending or with a score outside 0-100), so a rule that exists always scores.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScoringRule.Linear.class, name = "LINEAR"),
        @JsonSubTypes.Type(value = ScoringRule.Thresholds.class, name = "THRESHOLDS"),
        @JsonSubTypes.Type(value = ScoringRule.BooleanRule.class, name = "BOOLEAN"),
        @JsonSubTypes.Type(value = ScoringRule.Percentile.class, name = "PERCENTILE")
})
public sealed interface ScoringRule {

    /**
     * The measure score of raw value {@code v}.
     *
     * @param population the measure's values over the population at the same asOf; read by PERCENTILE only,
     *                   may be {@code null} for the other rules
     */
    double score(double v, Direction direction, Population population);

    /** Whether {@link #score} reads the population, so a caller builds populations only for the measures that do. */
    default boolean needsPopulation() {
        return false;
    }

    /** For LOWER_IS_BETTER a higher raw value is worse: the same scale read from the other end. */
    private static double oriented(double higherIsBetterScore, Direction direction) {
        return direction == Direction.LOWER_IS_BETTER ? 100 - higherIsBetterScore : higherIsBetterScore;
    }

    /** {@code clamp((v - min) / (max - min), 0, 1) * 100}; for LOWER_IS_BETTER, 100 minus that. */
    @JsonTypeName("LINEAR")
    record Linear(double min, double max) implements ScoringRule {

        public Linear {
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException("LINEAR min and max must be finite numbers");
            }
            if (!(min < max)) {
                throw new IllegalArgumentException("LINEAR min must be less than max, was min " + min + ", max " + max);
            }
        }

        @Override
        public double score(double v, Direction direction, Population population) {
            double fraction = Math.min(1, Math.max(0, (v - min) / (max - min)));
            return oriented(fraction * 100, direction);
        }
    }

    /**
     * The first step (in ascending {@code upTo}) with {@code v < upTo} gives its score, else {@code otherwise}: a
     * value equal to a step's {@code upTo} belongs to the next step. Direction is ignored, because the scores
     * themselves say which end is good.
     */
    @JsonTypeName("THRESHOLDS")
    record Thresholds(List<Step> steps, double otherwise) implements ScoringRule {

        public Thresholds {
            if (steps == null) {
                throw new IllegalArgumentException("THRESHOLDS steps are required");
            }
            steps = List.copyOf(steps);
            for (int i = 1; i < steps.size(); i++) {
                // Equal upTo would make the later step unreachable, which is surely a mistake in the scorecard.
                if (!(steps.get(i - 1).upTo() < steps.get(i).upTo())) {
                    throw new IllegalArgumentException("THRESHOLDS steps must be in strictly ascending upTo order;"
                            + " step " + i + " (upTo " + steps.get(i).upTo() + ") does not follow step " + (i - 1)
                            + " (upTo " + steps.get(i - 1).upTo() + ")");
                }
            }
            Step.checkScore(otherwise, "THRESHOLDS otherwise");
        }

        @Override
        public double score(double v, Direction direction, Population population) {
            for (Step step : steps) {
                if (v < step.upTo()) {
                    return step.score();
                }
            }
            return otherwise;
        }

        /** Values below {@code upTo} (and at or above the previous step's) score {@code score}. */
        public record Step(double upTo, double score) {

            public Step {
                if (!Double.isFinite(upTo)) {
                    throw new IllegalArgumentException("THRESHOLDS step upTo must be a finite number, was " + upTo);
                }
                checkScore(score, "THRESHOLDS step score");
            }

            static void checkScore(double score, String what) {
                if (!(score >= 0 && score <= 100)) {
                    throw new IllegalArgumentException(what + " must be between 0 and 100, was " + score);
                }
            }
        }
    }

    /** {@code v >= 0.5} scores 100, else 0; for LOWER_IS_BETTER the reverse. */
    @JsonTypeName("BOOLEAN")
    record BooleanRule() implements ScoringRule {

        @Override
        public double score(double v, Direction direction, Population population) {
            return oriented(v >= 0.5 ? 100 : 0, direction);
        }
    }

    /**
     * The mid-rank percentile of {@code v} in the population, {@code (count(x < v) + 0.5 * count(x == v)) / n *
     * 100}; for LOWER_IS_BETTER, 100 minus that. Ties share the middle of their ranks, so equal values score
     * equally and the best account of several distinct values scores below 100.
     */
    @JsonTypeName("PERCENTILE")
    record Percentile() implements ScoringRule {

        @Override
        public double score(double v, Direction direction, Population population) {
            if (population == null) {
                throw new IllegalArgumentException("PERCENTILE needs the population of the measure at the same asOf");
            }
            return oriented(population.percentile(v), direction);
        }

        @Override
        public boolean needsPopulation() {
            return true;
        }
    }
}
