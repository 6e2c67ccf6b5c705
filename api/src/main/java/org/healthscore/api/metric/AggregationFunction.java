package org.healthscore.api.metric;

/** How the observations inside a metric's window become one raw value (DESIGN.md 3.2). */
public enum AggregationFunction {
    LATEST,
    AVERAGE,
    SUM,
    MIN,
    MAX,
    COUNT,
    TREND
}
