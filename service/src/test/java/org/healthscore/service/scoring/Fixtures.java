package org.healthscore.service.scoring;

import java.util.ArrayList;
import java.util.List;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.Direction;

/** Short ways to write measures and aggregates in tests. */
final class Fixtures {

    static final Aggregation LATEST_90 = Aggregation.DEFAULT;

    private Fixtures() {
    }

    static Measure measure(String metric, double weight, String group, ScoringRule rule, Direction direction) {
        return new Measure(metric, weight, group, rule, direction, LATEST_90);
    }

    static Measure linear(String metric, double weight, String group) {
        return measure(metric, weight, group, new ScoringRule.Linear(0, 100), Direction.HIGHER_IS_BETTER);
    }

    /** Aggregates from raw values; {@code null} is a missing value. */
    static List<Aggregate> raw(Double... values) {
        List<Aggregate> aggregates = new ArrayList<>();
        for (Double v : values) {
            aggregates.add(v == null ? Aggregate.MISSING : Aggregate.of(v));
        }
        return aggregates;
    }
}
