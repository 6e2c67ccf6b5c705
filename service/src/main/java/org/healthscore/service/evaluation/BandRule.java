package org.healthscore.service.evaluation;

import org.healthscore.api.health.Band;

/**
 * A score's band under thresholds (DESIGN.md 3.4): {@code score < redBelow} RED, {@code score >= greenFrom}
 * GREEN, else YELLOW.
 *
 * <p>The same rule, and the same tolerance, as the scoring core's {@code Bands}: a weighted mean that is 70 on
 * paper can come out as 69.99999999999999, and an evaluation must put a row in the band its live score showed.
 * (The evaluation core may depend on nothing but itself, the API and the JDK, hence the copy of the constant.)
 */
record BandRule(double redBelow, double greenFrom) {

    /** Scores this close to a threshold count as on it; equal to the scoring core's {@code Bands.TOLERANCE}. */
    static final double TOLERANCE = 1e-9;

    Band band(double score) {
        if (score < redBelow - TOLERANCE) {
            return Band.RED;
        }
        if (score >= greenFrom - TOLERANCE) {
            return Band.GREEN;
        }
        return Band.YELLOW;
    }

    /** Whether {@code score >= threshold} in the sense of this rule (for the band search over integer t). */
    static boolean atLeast(double score, double threshold) {
        return score >= threshold - TOLERANCE;
    }
}
