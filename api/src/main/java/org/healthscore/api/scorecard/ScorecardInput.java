package org.healthscore.api.scorecard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A scorecard draft as a client writes it. {@code POST /scorecards} takes it whole, or
 * {@code {"key": ..., "fromFramework": "PROVE"}} to start from a template; {@code PUT} replaces the draft.
 */
public record ScorecardInput(
        @Pattern(regexp = KEY_PATTERN, message = "must match " + KEY_PATTERN) String key,
        @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 20000, message = "must be at most 20000 characters") String description,
        Framework framework,
        @Valid AppliesTo appliesTo,
        @Valid BandLimits bands,
        @Valid MissingDataSettings missingData,
        @Size(max = 50, message = "must hold at most 50 measures")
        List<@Valid @NotNull(message = "is required") MeasureInput> measures,
        Framework fromFramework) {

    public static final String KEY_PATTERN = "^[a-z][a-z0-9_]{1,63}$";
}
