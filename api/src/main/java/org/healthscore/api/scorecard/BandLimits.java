package org.healthscore.api.scorecard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** Score below {@code redBelow} is RED, at or above {@code greenFrom} GREEN, else YELLOW. */
public record BandLimits(
        @DecimalMin(value = "0", message = "must be between 0 and 100")
        @DecimalMax(value = "100", message = "must be between 0 and 100") Double redBelow,
        @DecimalMin(value = "0", message = "must be between 0 and 100")
        @DecimalMax(value = "100", message = "must be between 0 and 100") Double greenFrom) {

    public static final BandLimits DEFAULT = new BandLimits(40.0, 70.0);
}
