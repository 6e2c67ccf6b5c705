package org.healthscore.api.health;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Scores for up to 1,000 accounts in one call. Without {@code scorecard}, each account gets the most
 * specific published scorecard that applies to it; without {@code version}, the latest; without
 * {@code asOf}, today (UTC).
 */
public record ComputeRequest(
        String scorecard,
        @Min(value = 1, message = "must be 1 or more") Integer version,
        LocalDate asOf,
        @NotNull(message = "is required") @NotEmpty(message = "must name at least one account")
        @Size(max = 1000, message = "must name at most 1000 accounts") List<@NotNull(message = "is required") String> accounts) {
}
