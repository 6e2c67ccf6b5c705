package org.healthscore.persistence.evaluation;

import java.time.LocalDate;

/**
 * One (account, asOf) row of an evaluation: its score (null: INSUFFICIENT_DATA), measure and candidate scores
 * as comma-separated numbers (empty: no value), the label and the first outcome date in the horizon.
 */
public record EvaluationRowRecord(String evaluationId, int variant, long accountId, LocalDate asOf,
                                  String workspaceId, String externalId, String segment, Double score,
                                  String measureScores, String candidateScores, int positive,
                                  LocalDate outcomeDate) {
}
