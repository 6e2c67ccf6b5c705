package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.SegmentStat;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.health.Band;

/**
 * Per segment (DESIGN.md 3.6): rows, base rate, AUC and false-green share (GREEN positives / positives), over
 * the scored rows. Rows without a segment form the segment shown as {@value #NONE}; the list is sorted by the
 * shown name in code point order.
 */
final class Segments {

    static final String NONE = "(none)";

    private Segments() {
    }

    static List<SegmentStat> of(Sample sample, BandRule rule, OutcomeKind outcome) {
        int segments = sample.segmentNames.length;
        int[] start = new int[segments + 1];
        for (int i = 0; i < sample.n; i++) {
            start[sample.segment[i] + 1]++;
        }
        for (int s = 0; s < segments; s++) {
            start[s + 1] += start[s];
        }
        // Rows grouped by segment (a counting sort), each group in row order.
        int[] rows = new int[sample.n];
        int[] next = start.clone();
        for (int i = 0; i < sample.n; i++) {
            rows[next[sample.segment[i]]++] = i;
        }
        List<SegmentStat> out = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            int count = start[s + 1] - start[s];
            if (count == 0) {
                continue;
            }
            int[] members = Arrays.copyOfRange(rows, start[s], start[s + 1]);
            long positives = 0;
            long greenPositives = 0;
            for (int row : members) {
                if (sample.positive[row]) {
                    positives++;
                    if (rule.band(sample.score[row]) == Band.GREEN) {
                        greenPositives++;
                    }
                }
            }
            Double auc = Auc.value(SortOrder.ascending(sample.score, members, count), sample.positive, outcome);
            String name = sample.segmentNames[s];
            out.add(new SegmentStat(name == null ? NONE : name, count, Ratios.ratio(positives, count), auc,
                    Ratios.ratio(greenPositives, positives)));
        }
        out.sort(Comparator.comparing(SegmentStat::segment, CodePointOrder.INSTANCE));
        return out;
    }
}
