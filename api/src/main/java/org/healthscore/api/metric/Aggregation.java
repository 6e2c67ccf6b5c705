package org.healthscore.api.metric;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record Aggregation(
        @NotNull(message = "is required") AggregationFunction function,
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be between 1 and 730")
        @Max(value = 730, message = "must be between 1 and 730") Integer windowDays) {

    /** Used when a metric names no aggregation: the newest value of the last 90 days. */
    public static final Aggregation DEFAULT = new Aggregation(AggregationFunction.LATEST, 90);
}
