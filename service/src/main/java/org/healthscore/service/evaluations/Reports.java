package org.healthscore.service.evaluations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.scorecard.BandLimits;
import org.healthscore.api.scorecard.MissingDataPolicy;
import org.healthscore.api.scorecard.MissingDataSettings;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.persistence.evaluation.EvaluationRowRecord;
import org.healthscore.service.evaluation.EvaluationDesign;
import org.healthscore.service.evaluation.EvaluationRows;
import org.healthscore.service.evaluation.Evaluator;

/** From an evaluation's stored rows to its report, through the pure evaluation core. */
final class Reports {

    private Reports() {
    }

    /** The report of {@code scorecard} (the evaluated one or the challenger) over its rows. */
    static EvaluationReport compute(EvaluationPlan plan, ScorecardVersion scorecard, List<EvaluationRowRecord> rows) {
        int measures = scorecard.measures().size();
        int candidates = plan.candidates().size();
        double[][] candidateScores = percentiles(rows, candidates);
        EvaluationRows.Builder builder = EvaluationRows.builder(measures, candidates);
        for (int i = 0; i < rows.size(); i++) {
            EvaluationRowRecord r = rows.get(i);
            builder.add(r.externalId(), r.asOf(), r.segment(), r.score(), RowValues.parse(r.measureScores(), measures),
                    candidateScores[i], r.positive() == 1, r.outcomeDate());
        }
        return Evaluator.evaluate(design(plan, scorecard), builder.build(), plan.asOfDates(),
                plan.censoredAsOfDates()).report();
    }

    static EvaluationDesign design(EvaluationPlan plan, ScorecardVersion v) {
        BandLimits bands = v.bands() == null ? BandLimits.DEFAULT : v.bands();
        MissingDataSettings missing = v.missingData() == null ? MissingDataSettings.DEFAULT : v.missingData();
        return new EvaluationDesign(plan.outcome(), v.measures().stream().map(Scorecard.Measure::metric).toList(),
                v.measures().stream().map(Scorecard.Measure::weight).toList(),
                bands.redBelow() == null ? BandLimits.DEFAULT.redBelow() : bands.redBelow(),
                greenFrom(v),
                missing.policy() == null ? MissingDataPolicy.RENORMALIZE : missing.policy(),
                missing.minCoverage() == null ? MissingDataSettings.DEFAULT.minCoverage() : missing.minCoverage(),
                plan.candidates().stream().map(EvaluationPlan.Candidate::metric).toList());
    }

    /** Challenger minus champion: AUC, false-green share and each band's rate. */
    static org.healthscore.api.evaluation.Evaluation.Difference difference(EvaluationReport champion,
                                                                        EvaluationReport challenger) {
        List<org.healthscore.api.evaluation.Evaluation.BandRate> bands = new ArrayList<>();
        for (int i = 0; i < champion.bands().size(); i++) {
            Double a = champion.bands().get(i).rate();
            Double b = challenger.bands().get(i).rate();
            bands.add(new org.healthscore.api.evaluation.Evaluation.BandRate(champion.bands().get(i).band(), a, b,
                    minus(b, a)));
        }
        return new org.healthscore.api.evaluation.Evaluation.Difference(
                minus(challenger.auc().value(), champion.auc().value()),
                minus(challenger.falseGreens().shareOfPositives(), champion.falseGreens().shareOfPositives()), bands);
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    static double greenFrom(ScorecardVersion v) {
        BandLimits bands = v.bands() == null ? BandLimits.DEFAULT : v.bands();
        return bands.greenFrom() == null ? BandLimits.DEFAULT.greenFrom() : bands.greenFrom();
    }

    /**
     * Candidate values as percentile scores 0-100 among the rows of the same asOf (mid-ranks for ties):
     * the metric's own scale means nothing across metrics, its rank at one date does.
     */
    private static double[][] percentiles(List<EvaluationRowRecord> rows, int candidates) {
        double[][] out = new double[rows.size()][];
        Map<LocalDate, List<Integer>> byAsOf = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            out[i] = RowValues.parse(rows.get(i).candidateScores(), candidates);
            byAsOf.computeIfAbsent(rows.get(i).asOf(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> members : byAsOf.values()) {
            for (int j = 0; j < candidates; j++) {
                double[] present = new double[members.size()];
                int n = 0;
                for (int i : members) {
                    if (!Double.isNaN(out[i][j])) {
                        present[n++] = out[i][j];
                    }
                }
                double[] sorted = Arrays.copyOf(present, n);
                Arrays.sort(sorted);
                for (int i : members) {
                    double v = out[i][j];
                    if (!Double.isNaN(v)) {
                        int below = lowerBound(sorted, v);
                        int equal = lowerBound(sorted, Math.nextUp(v)) - below;
                        out[i][j] = 100.0 * (below + 0.5 * equal) / n;
                    }
                }
            }
        }
        return out;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
