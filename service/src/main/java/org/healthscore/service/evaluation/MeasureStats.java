package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.Candidate;
import org.healthscore.api.evaluation.EvaluationReport.MeasureStat;
import org.healthscore.api.evaluation.EvaluationReport.RedundantPair;
import org.healthscore.api.evaluation.OutcomeKind;

/**
 * Per measure (DESIGN.md 3.6): the univariate AUC of its score over the scored rows where it has a value, in
 * the same sense as the score's AUC (CHURN: a churned row scoring lower); its missing rate over the scored
 * rows; its weight share {@code w / sum(w)}; and wrongWay when the AUC is below 0.5 (null with the AUC). Then
 * the redundant pairs ({@link Spearman}) and the candidate metrics' AUCs (their percentile scores arrive
 * oriented in their direction), best first, undefined ones last, ties in the design's order.
 */
record MeasureStats(List<MeasureStat> measures, List<RedundantPair> pairs, List<Candidate> candidates) {

    static MeasureStats of(EvaluationDesign design, Sample sample) {
        OutcomeKind outcome = design.outcome();
        int p = design.metrics().size();
        double totalWeight = design.weights().stream().mapToDouble(Double::doubleValue).sum();
        // Each measure is ordered once, for its AUC and for its ranks in every pair.
        SortOrder[] orders = new SortOrder[p];
        List<MeasureStat> measures = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            orders[j] = SortOrder.ascending(sample.measures[j], sample.n);
            Double auc = Auc.value(orders[j], sample.positive, outcome);
            measures.add(new MeasureStat(design.metrics().get(j), auc,
                    Ratios.ratio(sample.n - orders[j].size(), sample.n),
                    totalWeight > 0 ? Ratios.finite(design.weights().get(j) / totalWeight) : null,
                    auc == null ? null : auc < 0.5));
        }
        List<RedundantPair> pairs = Spearman.redundantPairs(design.metrics(), orders, sample.n);

        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < design.candidateMetrics().size(); c++) {
            candidates.add(new Candidate(design.candidateMetrics().get(c),
                    Auc.value(sample.candidates[c], sample.positive, sample.n, outcome)));
        }
        candidates.sort(Comparator.comparing(Candidate::auc, Comparator.nullsLast(Comparator.reverseOrder())));
        return new MeasureStats(List.copyOf(measures), List.copyOf(pairs), List.copyOf(candidates));
    }
}
