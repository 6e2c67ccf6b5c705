package org.healthscore.service.scoring;

/**
 * A group subscore: the weighted mean of the scores of the group's measures that count, by the same rule as the
 * total (so under RENORMALIZE its missing measures drop out, under NEUTRAL or ZERO they count with 50 or 0).
 * {@code score} is {@code null} when none of them counts, or when the health has no total (INSUFFICIENT_DATA):
 * a subscore should not show what the minimum coverage withholds.
 */
public record GroupScore(String name, Double score) {
}
