package org.healthscore.service.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.BandStat;
import org.healthscore.api.evaluation.EvaluationReport.Counts;
import org.healthscore.api.evaluation.EvaluationReport.FalseGreens;
import org.healthscore.api.evaluation.EvaluationReport.Red;
import org.healthscore.api.evaluation.EvaluationReport.SuggestedBands;
import org.healthscore.api.evaluation.FalseGreen;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.evaluation.Verdict;
import org.healthscore.api.health.Band;

/**
 * The evaluation report from its rows: plain math, no I/O, no clock (DESIGN.md 3.6).
 *
 * <p>Decisions where the spec is silent, applied throughout:
 * <ul>
 *   <li>Every statistic uses the scored rows (score not null): {@code counts.rows} is their number,
 *       {@code counts.insufficient} the rows with no score (counted, not scored), {@code accounts} the distinct
 *       accounts and {@code positives} the positives among the scored rows, {@code baseRate} positives / rows
 *       (null with no rows). The logistic fit, cross-validation and forward check use the same rows.</li>
 *   <li>A row's band comes from its score and the design's thresholds with the scoring core's tolerance
 *       ({@link BandRule}). {@code bands} always lists RED, YELLOW, GREEN.</li>
 *   <li>Measure AUCs take the same sense as the score's (CHURN: a positive scoring lower); candidate scores
 *       arrive already oriented (percentile-scored in their direction) and are read the same way.</li>
 *   <li>Candidates are ranked by AUC descending, undefined ones last, ties in the design's order.</li>
 *   <li>Each logistic fit imputes a missing measure score with the measure's mean over that fit's own rows
 *       (a fold's training rows, the forward check's earlier dates), so no held-out value leaks into a fit.
 *       Held-out rows are scored with the fitted weights by the scorecard formula and the design's missing-data
 *       policy ({@link ScorecardFormula}); a fold with no fit (one class) or every coefficient 0 leaves its rows
 *       unscored, out of the pooled AUC. {@code cvAuc.current} scores every row by the same formula with the
 *       current weights.</li>
 *   <li>The fit converges to a projected gradient below 1e-8, loosened in proportion beyond 10,000 rows (1e-6
 *       at a million), where a sum of that many terms is no more exact ({@link ConstrainedLogistic}).</li>
 *   <li>The forward check splits on the distinct asOf dates among the scored rows: the earliest
 *       {@code floor(2n/3)} are fitted, the rest tested.</li>
 *   <li>Suggested bands only for CHURN (null for EXPANSION); see {@link BandSuggestion} for the one departure
 *       (a kept redBelow above the found greenFrom is lowered to it).</li>
 *   <li>Segments: rows without a segment are shown as "(none)"; the list is in code point order of the name.</li>
 *   <li>False greens are GREEN rows with y = 1 for either outcome, as DESIGN.md defines them, listed by account
 *       (code point order) then asOf.</li>
 *   <li>Nothing in the report is NaN or infinite: an undefined number is null.</li>
 * </ul>
 */
public final class Evaluator {

    /**
     * Told when each phase of {@link #evaluate} ends, so a caller (the benchmark) can time the phases with its
     * own clock: this package reads none.
     */
    @FunctionalInterface
    public interface PhaseListener {
        PhaseListener NONE = phase -> { };

        void phaseEnded(String phase);
    }

    /** Phase names, in the order they end. */
    public static final String PHASE_SCORE = "AUC, bands, deciles, segments, ROC, distribution";
    public static final String PHASE_MEASURES = "measures, redundant pairs, candidates";
    public static final String PHASE_WEIGHTS = "logistic fit, cross-validation, forward check";
    public static final String PHASE_REPORT = "suggested bands, verdict, findings";

    private Evaluator() {
    }

    /**
     * @param asOfDates the asOf dates evaluated (not censored), oldest first
     * @param censoredAsOfDates the asOf dates left out because their horizon runs past outcomesKnownThrough
     */
    public static EvaluationResult evaluate(EvaluationDesign design, EvaluationRows rows, List<LocalDate> asOfDates,
                                            List<LocalDate> censoredAsOfDates) {
        return evaluate(design, rows, asOfDates, censoredAsOfDates, PhaseListener.NONE);
    }

    /** As {@link #evaluate(EvaluationDesign, EvaluationRows, List, List)}, telling {@code phases} as each ends. */
    public static EvaluationResult evaluate(EvaluationDesign design, EvaluationRows rows, List<LocalDate> asOfDates,
                                            List<LocalDate> censoredAsOfDates, PhaseListener phases) {
        if (design.metrics().size() != rows.measureCount()) {
            throw new IllegalArgumentException("the rows hold " + rows.measureCount() + " measure scores, the design "
                    + design.metrics().size() + " measures");
        }
        if (design.candidateMetrics().size() != rows.candidateCount()) {
            throw new IllegalArgumentException("the rows hold " + rows.candidateCount() + " candidate scores, the"
                    + " design " + design.candidateMetrics().size() + " candidate metrics");
        }
        OutcomeKind outcome = design.outcome();
        Sample sample = Sample.of(rows);
        BandRule rule = new BandRule(design.redBelow(), design.greenFrom());

        // The score: AUC with its interval, bands, false greens, red, deciles, segments.
        SortOrder order = SortOrder.ascending(sample.score, sample.n);
        Auc.Result auc = Auc.withInterval(order, sample.positive, outcome, sample.account, sample.accountNames.length);
        BandTable bands = BandTable.of(sample, rule);
        long greenPositives = bands.positives(Band.GREEN);
        FalseGreens falseGreens = new FalseGreens(greenPositives, Ratios.ratio(greenPositives, sample.positives));
        List<FalseGreen> falseGreenRows = FalseGreenRows.of(sample, rule);
        long redPositives = bands.positives(Band.RED);
        Red red = new Red(Ratios.ratio(redPositives, bands.rows(Band.RED)),
                Ratios.ratio(redPositives, sample.positives));
        var deciles = Deciles.of(sample, order, outcome);
        var segments = Segments.of(sample, rule, outcome);
        var roc = RocCurve.of(order, sample.positive, outcome);
        var distribution = ScoreDistribution.of(sample);
        phases.phaseEnded(PHASE_SCORE);

        MeasureStats measures = MeasureStats.of(design, sample);
        phases.phaseEnded(PHASE_MEASURES);

        WeightSuggestion.Result weights = WeightSuggestion.of(design, sample);
        phases.phaseEnded(PHASE_WEIGHTS);

        SuggestedBands suggestedBands = null;
        BandSuggestion bandSuggestion = null;
        Double suggestedFalseGreenShare = null;
        if (outcome == OutcomeKind.CHURN) {
            bandSuggestion = BandSuggestion.of(sample, design.redBelow(), design.greenFrom());
            BandTable suggestedTable = BandTable.of(sample,
                    new BandRule(bandSuggestion.redBelow(), bandSuggestion.greenFrom()));
            List<BandStat> suggestedStats = suggestedTable.stats();
            suggestedBands = new SuggestedBands(bandSuggestion.redBelow(), bandSuggestion.greenFrom(), suggestedStats);
            suggestedFalseGreenShare = suggestedStats.get(Band.GREEN.ordinal()).shareOfPositives();
        }
        // A GREEN account that expands is a hit, not a miss: the false-green test of PREDICTIVE is churn's.
        Verdict verdict = Verdicts.of(sample.positives, sample.n - sample.positives, auc.value(),
                design.outcome() == OutcomeKind.CHURN ? falseGreens.shareOfPositives() : Double.valueOf(0));
        List<String> findings = Findings.of(new Findings.Facts(design, sample.n, sample.accounts,
                sample.distinctAsOfDays().length, sample.positives, sample.baseRate(), sample.insufficient,
                censoredAsOfDates.size(), auc, verdict, greenPositives, falseGreens.shareOfPositives(), red,
                measures.measures(), measures.pairs(), measures.candidates(), weights, bandSuggestion,
                suggestedFalseGreenShare));

        EvaluationReport report = new EvaluationReport(
                List.copyOf(asOfDates),
                new Counts(sample.n, sample.accounts, sample.positives, sample.baseRate(), sample.insufficient,
                        List.copyOf(censoredAsOfDates)),
                new EvaluationReport.Auc(auc.value(), auc.low(), auc.high()),
                bands.stats(),
                falseGreens,
                red,
                deciles,
                measures.measures(),
                measures.pairs(),
                measures.candidates(),
                weights.weights(),
                suggestedBands,
                List.copyOf(segments),
                verdict,
                List.copyOf(findings),
                roc,
                distribution);
        phases.phaseEnded(PHASE_REPORT);
        return new EvaluationResult(report, falseGreenRows);
    }
}
