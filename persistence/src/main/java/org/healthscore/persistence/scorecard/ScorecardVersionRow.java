package org.healthscore.persistence.scorecard;

import java.time.Instant;

/** One published version: its document never changes. */
public record ScorecardVersionRow(String workspaceId, String scorecardKey, int version, String document,
                                  Instant publishedAt, String publishedBy) {
}
