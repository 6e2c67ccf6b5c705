package org.healthscore.persistence.scorecard;

import java.time.Instant;

/** A scorecard's draft (a JSON document) and how far its versions have gone. */
public record ScorecardRow(long id, String workspaceId, String scorecardKey, String draft, int draftRevision,
                           int latestVersion, Instant createdAt, String createdBy, Instant updatedAt,
                           String updatedBy) {
}
