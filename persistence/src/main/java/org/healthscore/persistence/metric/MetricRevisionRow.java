package org.healthscore.persistence.metric;

import java.time.Instant;
import org.healthscore.api.metric.RevisionChange;

/** One revision of a catalog entry; {@code document} is the entry as JSON, as it was after the change. */
public record MetricRevisionRow(String workspaceId, String metricKey, int revision, RevisionChange changeType,
                                String changedBy, Instant changedAt, String document) {
}
