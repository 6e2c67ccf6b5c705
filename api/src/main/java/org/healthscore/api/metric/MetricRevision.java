package org.healthscore.api.metric;

import java.time.Instant;

/** One entry of a metric's audit trail: who changed it, when, and the entry as it was after the change. */
public record MetricRevision(String key, int revision, RevisionChange change, String changedBy, Instant changedAt,
                             Metric metric) {
}
