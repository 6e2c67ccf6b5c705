package org.healthscore.persistence.account;

import java.time.Instant;

public record ObservationRow(long accountId, long metricId, Instant observedAt, double rawValue, String workspaceId) {
}
