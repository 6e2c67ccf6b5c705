package org.healthscore.persistence.evaluation;

import java.time.Instant;

/**
 * An evaluation: what was evaluated ({@code design}, JSON) and, once computed, its report and its
 * challenger's (JSON).
 */
public record EvaluationRecord(String id, String workspaceId, String scorecardKey, Integer version, String outcome,
                               String source, String design, String report, String challengerReport,
                               Instant createdAt) {
}
