package org.healthscore.api.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Re-score accounts and store the scores: one scorecard (a version, or its latest) or every
 * published one; one {@code asOf}, or {@code asOfFrom}..{@code asOfTo} every {@code stepDays};
 * optionally only a segment, a product line or listed accounts.
 */
public record RecomputeRequest(
        String scorecard,
        @Min(value = 1, message = "must be 1 or more") Integer version,
        LocalDate asOf,
        LocalDate asOfFrom,
        LocalDate asOfTo,
        @Min(value = 1, message = "must be between 1 and 366") @Max(value = 366, message = "must be between 1 and 366")
        Integer stepDays,
        String segment,
        String productLine,
        @Size(max = 100000, message = "must list at most 100000 accounts")
        List<@NotNull(message = "is required") String> accounts) {
}
