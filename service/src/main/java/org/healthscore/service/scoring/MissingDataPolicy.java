package org.healthscore.service.scoring;

/** What a measure without a raw value does to the score (DESIGN.md 3.4). */
public enum MissingDataPolicy {
    /** The default: missing measures drop out and the weights of the others are renormalized. */
    RENORMALIZE(null),
    /** A missing measure counts with score 50. */
    NEUTRAL(50.0),
    /** A missing measure counts with score 0. */
    ZERO(0.0);

    private final Double imputedScore;

    MissingDataPolicy(Double imputedScore) {
        this.imputedScore = imputedScore;
    }

    /** The score a missing measure counts with, or {@code null} when it does not count. */
    public Double imputedScore() {
        return imputedScore;
    }
}
