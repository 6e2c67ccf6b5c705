package org.healthscore.api.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.api.health.Band;

/**
 * The statistics of one evaluation (DESIGN.md 3.6), with the JSON names a client reads. A statistic that the
 * data leaves undefined (an empty band, one class only) is null, never NaN. {@code roc} and {@code distribution}
 * are what the report's charts draw; a report stored before they existed reads them as null.
 */
public record EvaluationReport(
        List<LocalDate> asOfDates,
        Counts counts,
        Auc auc,
        List<BandStat> bands,
        FalseGreens falseGreens,
        Red red,
        List<Decile> deciles,
        List<MeasureStat> measures,
        List<RedundantPair> redundantPairs,
        List<Candidate> candidates,
        SuggestedWeights suggestedWeights,
        SuggestedBands suggestedBands,
        List<SegmentStat> segments,
        Verdict verdict,
        List<String> findings,
        List<RocPoint> roc,
        List<ScoreBin> distribution) {

    /**
     * {@code rows}: scored rows (account, asOf) the statistics use; {@code insufficient}: rows counted but not
     * scored (INSUFFICIENT_DATA); {@code censoredAsOfDates}: asOf dates left out because their horizon runs
     * past outcomesKnownThrough.
     */
    public record Counts(long rows, long accounts, long positives, Double baseRate, long insufficient,
                         List<LocalDate> censoredAsOfDates) {
    }

    /** AUC with its account-clustered 95% interval. */
    public record Auc(Double value, Double low, Double high) {
    }

    public record BandStat(Band band, long rows, long positives, Double rate, Double lift, Double shareOfPositives) {
    }

    public record FalseGreens(long count, Double shareOfPositives) {
    }

    public record Red(Double precision, Double recall) {
    }

    public record Decile(int decile, long rows, long positives, Double rate, Double lift) {
    }

    public record MeasureStat(String metric, Double auc, Double missingRate, Double weightShare, Boolean wrongWay) {
    }

    public record RedundantPair(String a, String b, double rho) {
    }

    public record Candidate(String metric, Double auc) {
    }

    public record SuggestedWeights(List<Weight> weights, Comparison cvAuc, Comparison forwardAuc) {
    }

    /** {@code suggested} is null when every fitted coefficient is 0. */
    public record Weight(String metric, double current, Double suggested) {
    }

    public record Comparison(Double current, Double suggested) {
    }

    /** Thresholds found by the rule of DESIGN.md 3.6 (the current one kept where none qualifies) and the band table under them. */
    public record SuggestedBands(double redBelow, double greenFrom, List<BandStat> bands) {
    }

    public record SegmentStat(String segment, long rows, Double baseRate, Double auc, Double falseGreenShare) {
    }

    /**
     * One point of the ROC curve: flagging every row at least as risky as some score (CHURN: as low, EXPANSION:
     * as high), the share of negative rows flagged and the share of positive rows flagged.
     */
    public record RocPoint(double falsePositiveRate, double truePositiveRate) {
    }

    /** Scored rows with {@code from <= score < to} (the last bin also holds {@code to}), by outcome. */
    public record ScoreBin(int from, int to, long positives, long negatives) {
    }
}
