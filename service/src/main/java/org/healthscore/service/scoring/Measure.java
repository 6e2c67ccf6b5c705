package org.healthscore.service.scoring;

import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.Direction;

/**
 * One measure of a scorecard, with what it needs from its catalog metric (direction, aggregation), so the
 * core turns observations into a score without looking anything up.
 *
 * @param metric      the metric key, unique within a scorecard
 * @param weight      relative weight, {@code > 0}; only ratios matter
 * @param group       the group it adds to a subscore of (e.g. a DEAR or PROVE letter), or {@code null} for none
 * @param rule        how its raw value becomes a score
 * @param direction   the metric's direction
 * @param aggregation the metric's aggregation
 */
public record Measure(String metric, double weight, String group, ScoringRule rule, Direction direction,
                      Aggregation aggregation) {

    public Measure {
        if (metric == null || metric.isEmpty()) {
            throw new IllegalArgumentException("measure metric is required");
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("measure " + metric + ": weight must be a finite number > 0, was "
                    + weight);
        }
        if (rule == null || direction == null || aggregation == null || aggregation.function() == null
                || aggregation.windowDays() == null) {
            throw new IllegalArgumentException("measure " + metric + ": rule, direction and aggregation are required");
        }
    }
}
