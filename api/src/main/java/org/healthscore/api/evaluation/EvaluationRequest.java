package org.healthscore.api.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;

/**
 * Start an evaluation (DESIGN.md 3.6): a scorecard's version (default its latest published) or, with
 * {@code draft: true}, its unpublished draft; asOf dates {@code asOfFrom}..{@code asOfTo} every
 * {@code stepDays} (default 30); an outcome within {@code horizonDays} (default 90) after each; scores
 * recomputed from observations (BACKTEST, default) or read from stored history (SNAPSHOTS).
 * {@code outcomesKnownThrough} (default: the newest observation or outcome in the workspace) is the day up to
 * which outcomes are complete; asOf dates whose horizon runs past it are censored. Without {@code asOfTo},
 * the newest uncensored date; without {@code asOfFrom}, eleven steps before it (twelve dates). A
 * {@code challenger} is evaluated on the same rows, side by side.
 */
public record EvaluationRequest(
        @NotBlank(message = "is required") String scorecard,
        @Min(value = 1, message = "must be 1 or more") Integer version,
        Boolean draft,
        LocalDate asOfFrom,
        LocalDate asOfTo,
        @Min(value = 1, message = "must be between 1 and 366") @Max(value = 366, message = "must be between 1 and 366")
        Integer stepDays,
        @Min(value = 1, message = "must be between 1 and 1095")
        @Max(value = 1095, message = "must be between 1 and 1095") Integer horizonDays,
        OutcomeKind outcome,
        EvaluationSource source,
        LocalDate outcomesKnownThrough,
        String segment,
        @Valid ChallengerRequest challenger) {

    /** A second scorecard (a version, default its latest published, or its draft) scored on exactly the same rows. */
    public record ChallengerRequest(
            @NotBlank(message = "is required") String scorecard,
            @Min(value = 1, message = "must be 1 or more") Integer version,
            Boolean draft) {
    }
}
