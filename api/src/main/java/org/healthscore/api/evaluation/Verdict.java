package org.healthscore.api.evaluation;

/**
 * INCONCLUSIVE: fewer than 20 positive or 20 negative rows. PREDICTIVE: AUC at least 0.70 and at most 20% of
 * positives green. WEAK: AUC at least 0.60. Otherwise NOT_PREDICTIVE.
 */
public enum Verdict {
    PREDICTIVE, WEAK, NOT_PREDICTIVE, INCONCLUSIVE
}
