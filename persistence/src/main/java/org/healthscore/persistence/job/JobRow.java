package org.healthscore.persistence.job;

import java.time.Instant;

public record JobRow(String id, String workspaceId, String kind, String status, String request, String requestHash,
                     String idempotencyKey, long totalUnits, long doneUnits, String error, Instant createdAt,
                     String createdBy, Instant startedAt, Instant finishedAt) {
}
