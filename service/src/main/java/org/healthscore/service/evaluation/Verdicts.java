package org.healthscore.service.evaluation;

import org.healthscore.api.evaluation.Verdict;

/**
 * The verdict of DESIGN.md 3.6: INCONCLUSIVE with fewer than 20 positive or 20 negative rows; else PREDICTIVE
 * (AUC >= 0.70 and false-green share <= 20%), WEAK (AUC >= 0.60), NOT_PREDICTIVE.
 */
final class Verdicts {

    static final long MIN_CLASS_ROWS = 20;
    static final double PREDICTIVE_AUC = 0.70;
    static final double WEAK_AUC = 0.60;
    static final double MAX_FALSE_GREEN_SHARE = 0.20;

    private Verdicts() {
    }

    static Verdict of(long positives, long negatives, Double auc, Double falseGreenShare) {
        if (positives < MIN_CLASS_ROWS || negatives < MIN_CLASS_ROWS || auc == null) {
            return Verdict.INCONCLUSIVE;
        }
        // With at least 20 positives the share is defined; treat a missing one as failing the green test.
        if (auc >= PREDICTIVE_AUC && falseGreenShare != null && falseGreenShare <= MAX_FALSE_GREEN_SHARE) {
            return Verdict.PREDICTIVE;
        }
        return auc >= WEAK_AUC ? Verdict.WEAK : Verdict.NOT_PREDICTIVE;
    }
}
