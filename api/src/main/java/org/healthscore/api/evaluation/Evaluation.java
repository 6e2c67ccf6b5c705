package org.healthscore.api.evaluation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import org.healthscore.api.job.Job;
import org.healthscore.api.job.JobStatus;

/**
 * An evaluation and, once it has SUCCEEDED, its report's statistics at the top level (DESIGN.md 3.6). Its id is
 * its job's id; {@code progress} and {@code error} are the job's.
 */
public record Evaluation(
        String id,
        JobStatus status,
        Job.Progress progress,
        String error,
        ScorecardRef scorecard,
        OutcomeKind outcome,
        EvaluationSource source,
        int horizonDays,
        LocalDate outcomesKnownThrough,
        String segment,
        Instant createdAt,
        Instant finishedAt,
        @JsonUnwrapped EvaluationReport report) {

    /** The scorecard evaluated: a published version, or its draft (then {@code version} is null). */
    public record ScorecardRef(String key, Integer version, boolean draft) {
    }
}
