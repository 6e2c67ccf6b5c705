package org.healthscore.service.evaluation;

import java.util.List;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.scorecard.MissingDataPolicy;

/**
 * What is evaluated: the outcome, the scorecard's measures (metric keys and current weights, in scorecard
 * order), its band thresholds and missing-data policy (used to score held-out rows with fitted weights), and
 * the catalog metrics the scorecard does not use that are offered as candidates.
 */
public record EvaluationDesign(
        OutcomeKind outcome,
        List<String> metrics,
        List<Double> weights,
        double redBelow,
        double greenFrom,
        MissingDataPolicy policy,
        double minCoverage,
        List<String> candidateMetrics) {

    public EvaluationDesign {
        metrics = List.copyOf(metrics);
        weights = List.copyOf(weights);
        candidateMetrics = List.copyOf(candidateMetrics);
        if (metrics.size() != weights.size()) {
            throw new IllegalArgumentException("one weight per metric");
        }
    }
}
