package org.healthscore.service.evaluations;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationSource;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.scorecard.ScorecardVersion;

/**
 * What an evaluation evaluates, fixed when it starts: the scorecard as it was (a draft may change later;
 * a draft has version 0), the asOf dates kept and censored, the horizon, and the candidate metrics
 * (catalog metrics with observations that the scorecard does not use), and the challenger scored on the same
 * rows (null when there is none). Stored as the evaluation's design.
 */
record EvaluationPlan(
        ScorecardVersion scorecard,
        boolean draft,
        OutcomeKind outcome,
        EvaluationSource source,
        int horizonDays,
        LocalDate outcomesKnownThrough,
        String segment,
        List<LocalDate> asOfDates,
        List<LocalDate> censoredAsOfDates,
        List<Candidate> candidates,
        ScorecardVersion challenger,
        boolean challengerDraft) {

    /** A candidate metric and whether a lower value is better (its values are negated to point the usual way). */
    record Candidate(String metric, boolean lowerIsBetter) {
    }
}
