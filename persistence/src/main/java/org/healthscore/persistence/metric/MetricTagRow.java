package org.healthscore.persistence.metric;

public record MetricTagRow(long metricId, String tag) {
}
