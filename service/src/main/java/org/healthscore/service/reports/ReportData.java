package org.healthscore.service.reports;

import java.util.List;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.FalseGreen;

/**
 * What one report's page is drawn from: a SUCCEEDED evaluation (its report holds the statistics), the band
 * thresholds it was evaluated under (the report names only the suggested ones) and its first false greens; and,
 * when a challenger was evaluated on the same rows, the same for it (an evaluation carrying the challenger's
 * scorecard and report).
 */
public record ReportData(Evaluation evaluation, double redBelow, double greenFrom, List<FalseGreen> falseGreens,
                         ReportData challenger) {

    /** A report without a challenger. */
    public ReportData(Evaluation evaluation, double redBelow, double greenFrom, List<FalseGreen> falseGreens) {
        this(evaluation, redBelow, greenFrom, falseGreens, null);
    }

    public ReportData {
        if (evaluation == null || evaluation.report() == null) {
            throw new IllegalArgumentException("a report page needs a finished evaluation with its report");
        }
        falseGreens = List.copyOf(falseGreens);
    }
}
