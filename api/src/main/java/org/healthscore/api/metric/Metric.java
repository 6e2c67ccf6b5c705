package org.healthscore.api.metric;

import java.time.Instant;
import java.util.List;

/** A catalog entry as stored, at its current revision. */
public record Metric(
        String key,
        String name,
        String description,
        String dimension,
        String dataSource,
        String calculation,
        String owner,
        String unit,
        ValueType valueType,
        Direction direction,
        Aggregation aggregation,
        List<String> tags,
        MetricStatus status,
        int revision,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public Metric {
        tags = List.copyOf(tags);
    }
}
