package org.healthscore.service.scoring;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The trend of DESIGN.md 3.4: the score minus the same account's newest stored score (same scorecard) dated
 * between {@code asOf - 45} and {@code asOf - 30} days, both included. The caller reads that stored history;
 * this only picks from it, so it stays pure.
 */
public final class ScoreTrend {

    public static final int FROM_DAYS_BEFORE = 45;
    public static final int TO_DAYS_BEFORE = 30;

    private ScoreTrend() {
    }

    /** A stored score of the same account and scorecard; {@code score} is {@code null} for INSUFFICIENT_DATA. */
    public record PastScore(LocalDate asOf, Double score) {
    }

    /**
     * {@code score} minus the reference score, or {@code null} when {@code score} is {@code null} or there is no
     * reference. Stored entries without a score (INSUFFICIENT_DATA) are passed over: there is nothing to subtract.
     */
    public static Double trend(Double score, LocalDate asOf, Collection<PastScore> history) {
        if (score == null) {
            return null;
        }
        LocalDate from = asOf.minusDays(FROM_DAYS_BEFORE);
        LocalDate to = asOf.minusDays(TO_DAYS_BEFORE);
        PastScore reference = null;
        for (PastScore past : history) {
            if (past.score() != null && !past.asOf().isBefore(from) && !past.asOf().isAfter(to)
                    && (reference == null || past.asOf().isAfter(reference.asOf()))) {
                reference = past;
            }
        }
        return reference == null ? null : score - reference.score();
    }
}
