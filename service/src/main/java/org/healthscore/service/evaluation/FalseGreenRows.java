package org.healthscore.service.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.healthscore.api.evaluation.FalseGreen;
import org.healthscore.api.health.Band;

/**
 * The false-green rows (DESIGN.md 3.6): GREEN rows with y = 1, as (account, asOf, score, outcome date), sorted
 * by account in code point order, then asOf, so pages and the CSV come out the same every time.
 */
final class FalseGreenRows {

    private FalseGreenRows() {
    }

    static List<FalseGreen> of(Sample sample, BandRule rule) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < sample.n; i++) {
            if (sample.positive[i] && rule.band(sample.score[i]) == Band.GREEN) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        int[] rank = CodePointOrder.ranks(sample.accountNames);
        rows.sort(Comparator.<Integer>comparingInt(i -> rank[sample.account[i]]).thenComparingInt(i -> sample.asOfDay[i]));
        List<FalseGreen> out = new ArrayList<>(rows.size());
        for (int i : rows) {
            int outcomeDay = sample.outcomeDay[i];
            out.add(new FalseGreen(sample.accountNames[sample.account[i]], LocalDate.ofEpochDay(sample.asOfDay[i]),
                    sample.score[i], outcomeDay == EvaluationRows.NO_DATE ? null : LocalDate.ofEpochDay(outcomeDay)));
        }
        return List.copyOf(out);
    }
}
