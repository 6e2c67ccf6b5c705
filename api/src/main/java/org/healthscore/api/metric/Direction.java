package org.healthscore.api.metric;

public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
