package org.healthscore.api.scorecard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** How missing measures count, and the weight share that must have data for a score to exist. */
public record MissingDataSettings(
        MissingDataPolicy policy,
        @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1") Double minCoverage) {

    public static final MissingDataSettings DEFAULT = new MissingDataSettings(MissingDataPolicy.RENORMALIZE, 0.6);
}
