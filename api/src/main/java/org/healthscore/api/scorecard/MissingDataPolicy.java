package org.healthscore.api.scorecard;

/** What a measure without a value counts as (DESIGN.md 3.4). */
public enum MissingDataPolicy {
    /** Missing measures drop out; the others' weights are renormalized. */
    RENORMALIZE,
    /** Missing measures score 50. */
    NEUTRAL,
    /** Missing measures score 0. */
    ZERO
}
