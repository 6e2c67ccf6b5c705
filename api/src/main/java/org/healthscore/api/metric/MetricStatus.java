package org.healthscore.api.metric;

public enum MetricStatus {
    ACTIVE,
    DEPRECATED
}
