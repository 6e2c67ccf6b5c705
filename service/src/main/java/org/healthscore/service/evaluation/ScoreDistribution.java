package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.ScoreBin;

/**
 * Scored rows per ten-point score bin, positives and negatives apart: [0, 10), [10, 20), ... [90, 100], the last
 * holding 100. Always ten bins. A score within the scoring core's tolerance of a bin's edge counts as on it, as
 * for bands ({@link BandRule#TOLERANCE}), so a 69.99999999999999 that shows as GREEN is not drawn in [60, 70).
 * A score outside 0-100 (none should be) lands in the nearest end bin.
 */
final class ScoreDistribution {

    static final int BINS = 10;
    static final int WIDTH = 10;

    private ScoreDistribution() {
    }

    static List<ScoreBin> of(Sample sample) {
        long[] positives = new long[BINS];
        long[] negatives = new long[BINS];
        for (int i = 0; i < sample.n; i++) {
            int bin = bin(sample.score[i]);
            if (sample.positive[i]) {
                positives[bin]++;
            } else {
                negatives[bin]++;
            }
        }
        List<ScoreBin> out = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            out.add(new ScoreBin(b * WIDTH, (b + 1) * WIDTH, positives[b], negatives[b]));
        }
        return List.copyOf(out);
    }

    static int bin(double score) {
        int bin = (int) Math.floor((score + BandRule.TOLERANCE) / WIDTH);
        return Math.max(0, Math.min(BINS - 1, bin));
    }
}
