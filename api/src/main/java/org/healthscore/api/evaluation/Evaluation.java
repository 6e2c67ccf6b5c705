package org.healthscore.api.evaluation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        @JsonUnwrapped EvaluationReport report,
        Challenger challenger) {

    /** The scorecard evaluated: a published version, or its draft (then {@code version} is null). */
    public record ScorecardRef(String key, Integer version, boolean draft) {
    }

    /**
     * A second scorecard evaluated on the same rows: its report under the same names, and how it differs
     * from the first (challenger minus champion; positive AUC is better, positive false-green share worse).
     */
    public record Challenger(ScorecardRef scorecard, @JsonUnwrapped EvaluationReport report, Difference difference) {
    }

    public record Difference(Double auc, Double falseGreenShare, List<BandRate> bands) {
    }

    /** One band's positive rate under each scorecard. */
    public record BandRate(org.healthscore.api.health.Band band, Double champion, Double challenger,
                           Double difference) {
    }
}
