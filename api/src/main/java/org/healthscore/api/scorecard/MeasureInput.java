package org.healthscore.api.scorecard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One weighted measure of a scorecard: a catalog metric, its weight, its group and its scoring rule. */
public record MeasureInput(
        @NotBlank(message = "is required") String metric,
        @NotNull(message = "is required") Double weight,
        @Size(max = 64, message = "must be at most 64 characters") String group,
        @NotNull(message = "is required") ScoringRuleSpec scoring) {
}
