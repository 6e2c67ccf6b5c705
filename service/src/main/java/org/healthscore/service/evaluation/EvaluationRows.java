package org.healthscore.service.evaluation;

import java.time.LocalDate;

/**
 * The rows of an evaluation (DESIGN.md 3.6), held column by column so a million rows of ten measures stay a
 * few arrays: for each (account, asOf) the account's segment, its score (null: INSUFFICIENT_DATA), each
 * measure's score and each candidate metric's percentile score (NaN: no value), the label y and the date of
 * the first outcome in the horizon (null when y = 0).
 */
public final class EvaluationRows {
    // Filled in by the core's implementation.
    private EvaluationRows() {
    }

    public static Builder builder(int measures, int candidates) {
        throw new UnsupportedOperationException("not yet");
    }

    public static final class Builder {
        public Builder add(String account, LocalDate asOf, String segment, Double score, double[] measureScores,
                           double[] candidateScores, boolean positive, LocalDate outcomeDate) {
            throw new UnsupportedOperationException("not yet");
        }

        public EvaluationRows build() {
            throw new UnsupportedOperationException("not yet");
        }
    }
}
