package org.healthscore.service.evaluation;

import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.BandStat;
import org.healthscore.api.health.Band;

/**
 * Rows and positives per band under one pair of thresholds (DESIGN.md 3.6): always RED, YELLOW, GREEN in that
 * order; rate = positives / rows, lift = rate / base rate, share = positives / all positives, each null when
 * undefined (an empty band, a base rate of 0, no positives).
 */
final class BandTable {

    final long[] rows = new long[3];
    final long[] positives = new long[3];
    final long allRows;
    final long allPositives;

    private BandTable(long allRows, long allPositives) {
        this.allRows = allRows;
        this.allPositives = allPositives;
    }

    static BandTable of(Sample sample, BandRule rule) {
        BandTable table = new BandTable(sample.n, sample.positives);
        for (int i = 0; i < sample.n; i++) {
            int b = rule.band(sample.score[i]).ordinal();
            table.rows[b]++;
            if (sample.positive[i]) {
                table.positives[b]++;
            }
        }
        return table;
    }

    long rows(Band band) {
        return rows[band.ordinal()];
    }

    long positives(Band band) {
        return positives[band.ordinal()];
    }

    Double baseRate() {
        return Ratios.ratio(allPositives, allRows);
    }

    List<BandStat> stats() {
        Double base = baseRate();
        return List.of(stat(Band.RED, base), stat(Band.YELLOW, base), stat(Band.GREEN, base));
    }

    private BandStat stat(Band band, Double base) {
        int b = band.ordinal();
        Double rate = Ratios.ratio(positives[b], rows[b]);
        return new BandStat(band, rows[b], positives[b], rate, Ratios.ratio(rate, base),
                Ratios.ratio(positives[b], allPositives));
    }
}
