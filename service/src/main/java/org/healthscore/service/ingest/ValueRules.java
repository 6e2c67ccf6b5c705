package org.healthscore.service.ingest;

import org.healthscore.api.metric.ValueType;

/** What a metric's value type allows: the reason a value is refused, or null when it fits. */
public final class ValueRules {

    private ValueRules() {
    }

    public static String check(ValueType type, double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number";
        }
        return switch (type) {
            case PERCENT -> value < 0 || value > 100 ? "must be between 0 and 100 (the metric is a PERCENT)" : null;
            case BOOLEAN -> value != 0 && value != 1 ? "must be 0 or 1 (the metric is a BOOLEAN)" : null;
            case COUNT -> value < 0 || value != Math.rint(value)
                    ? "must be a whole number of 0 or more (the metric is a COUNT)" : null;
            case DAYS -> value < 0 ? "must be 0 or more (the metric is in DAYS)" : null;
            case NUMBER, CURRENCY -> null;
        };
    }
}
