package org.healthscore.persistence.health;

import java.time.Instant;
import java.time.LocalDate;

/** One stored health score; {@code document} is the health answer as JSON. */
public record SnapshotRow(long accountId, String scorecardKey, int version, LocalDate asOf, String workspaceId,
                          Double score, String band, String document, Instant computedAt) {
}
