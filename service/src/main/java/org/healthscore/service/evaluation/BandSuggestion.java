package org.healthscore.service.evaluation;

/**
 * Suggested band thresholds for CHURN (DESIGN.md 3.6), over integer t in 1..99 with n rows and P positives:
 * {@code greenFrom} = the smallest t where the rows scoring >= t hold at least 10% of the rows and have a rate
 * of at most half the base rate; {@code redBelow} = the largest t below that greenFrom (or below the current one,
 * kept when none qualified) where the rows scoring < t hold at least 5% of the rows and have a rate of at least
 * twice the base rate. Where none qualifies the current threshold is kept.
 *
 * <p>The comparisons are done in integers ({@code 10 rows_t >= n}, {@code 2 n pos_t <= P rows_t}, ...), so a
 * threshold sitting exactly on 10% or on half the base rate is decided exactly. "Scoring >= t" is the band
 * rule's (with its tolerance), so the thresholds found put rows in the bands the band table shows. With no
 * positive row there is no base rate to compare with and both current thresholds are kept.
 *
 * <p>One departure: a kept current redBelow above a found greenFrom would make thresholds that no scorecard
 * accepts (redBelow may not exceed greenFrom), so it is lowered to that greenFrom, and {@code redLowered} says
 * so for the findings.
 */
record BandSuggestion(double redBelow, double greenFrom, boolean redFound, boolean greenFound, boolean redLowered) {

    static BandSuggestion of(Sample sample, double currentRedBelow, double currentGreenFrom) {
        long n = sample.n;
        long positives = sample.positives;
        if (n == 0 || positives == 0) {
            return new BandSuggestion(currentRedBelow, currentGreenFrom, false, false, false);
        }
        // rowsAtLeast[t], positivesAtLeast[t]: rows (positive rows) scoring >= t, for t in 0..100.
        long[] rowsAtLeast = new long[102];
        long[] positivesAtLeast = new long[102];
        for (int i = 0; i < sample.n; i++) {
            int level = level(sample.score[i]);
            if (level >= 0) {
                rowsAtLeast[level]++;
                if (sample.positive[i]) {
                    positivesAtLeast[level]++;
                }
            }
        }
        for (int t = 99; t >= 0; t--) {
            rowsAtLeast[t] += rowsAtLeast[t + 1];
            positivesAtLeast[t] += positivesAtLeast[t + 1];
        }

        double greenFrom = currentGreenFrom;
        boolean greenFound = false;
        for (int t = 1; t <= 99; t++) {
            long rows = rowsAtLeast[t];
            long pos = positivesAtLeast[t];
            if (10 * rows >= n && 2 * n * pos <= positives * rows) {
                greenFrom = t;
                greenFound = true;
                break;
            }
        }
        double redBelow = currentRedBelow;
        boolean redFound = false;
        for (int t = 99; t >= 1; t--) {
            if (t >= greenFrom) {
                continue;
            }
            long rows = n - rowsAtLeast[t];
            long pos = positives - positivesAtLeast[t];
            if (20 * rows >= n && n * pos >= 2 * positives * rows) {
                redBelow = t;
                redFound = true;
                break;
            }
        }
        boolean lowered = false;
        if (redBelow > greenFrom) {
            redBelow = greenFrom;
            lowered = true;
        }
        return new BandSuggestion(redBelow, greenFrom, redFound, greenFound, lowered);
    }

    /** The largest integer t in 0..100 with {@code score >= t} in the band rule's sense; -1 when none. */
    private static int level(double score) {
        int t = (int) Math.max(-1, Math.min(100, Math.floor(score)));
        while (t < 100 && BandRule.atLeast(score, t + 1)) {
            t++;
        }
        while (t >= 0 && !BandRule.atLeast(score, t)) {
            t--;
        }
        return t;
    }
}
