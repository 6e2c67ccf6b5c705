package org.healthscore.service.scoring;

/**
 * One line of a health breakdown (DESIGN.md 3.4).
 *
 * @param metric       the metric key
 * @param rawValue     the aggregated raw value, {@code null} when missing
 * @param score        the measure score 0-100: from the rule when there is a raw value; when missing, the score
 *                     the policy counts it with (NEUTRAL 50, ZERO 0), or {@code null} under RENORMALIZE
 * @param weight       the weight as configured (not normalized)
 * @param contribution points given to the total, {@code weight * score / sum(w)} over the weights that count;
 *                     {@code null} when the measure does not count or there is no total (INSUFFICIENT_DATA)
 * @param pointsLost   points this measure keeps the total below 100, {@code weight * (100 - score) / sum(w)};
 *                     {@code null} exactly when {@code contribution} is
 * @param group        the measure's group, or {@code null}
 * @param ageDays      whole days since the newest observation at or before asOf; shown, never scored
 */
public record MeasureScore(String metric, Double rawValue, Double score, double weight, Double contribution,
                           Double pointsLost, String group, Integer ageDays) {
}
