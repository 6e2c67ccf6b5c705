package org.healthscore.api.metric;

/** What kind of number a metric's observations are, and so which values are accepted. */
public enum ValueType {
    NUMBER,
    /** 0 to 100. */
    PERCENT,
    /** 0 or 1. */
    BOOLEAN,
    CURRENCY,
    /** A whole number, at least 0. */
    COUNT,
    /** At least 0. */
    DAYS
}
