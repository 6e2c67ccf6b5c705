package org.healthscore.persistence.metric;

import java.time.Instant;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.api.metric.Direction;
import org.healthscore.api.metric.MetricStatus;
import org.healthscore.api.metric.ValueType;

/** One catalog entry's row; its tags live in {@code metric_tag}. */
public record MetricRow(
        long id,
        String workspaceId,
        String metricKey,
        String name,
        String description,
        String dimension,
        String dataSource,
        String calculation,
        String owner,
        String unit,
        ValueType valueType,
        Direction direction,
        AggregationFunction aggFunction,
        int windowDays,
        MetricStatus status,
        int revision,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {
}
