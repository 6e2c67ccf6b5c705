package org.healthscore.service.reports;

import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.Counts;

/**
 * Why a statistic is undefined (null in the report), in a sentence a reader needs no statistics to follow. Each
 * reason is derived from the counts the report holds, in the order the core decides them.
 */
final class Why {

    private final EvaluationReport report;
    private final Wording words;

    Why(EvaluationReport report, Wording words) {
        this.report = report;
        this.words = words;
    }

    private long rows() {
        Counts c = report.counts();
        return c == null ? 0 : c.rows();
    }

    private long positives() {
        Counts c = report.counts();
        return c == null ? 0 : c.positives();
    }

    /** Why a comparison of the two outcomes (an AUC, a curve, a fit) is undefined over all rows. */
    String oneClass() {
        if (rows() == 0) {
            return "there are no scored rows in these dates";
        }
        if (positives() == 0) {
            return "no " + words.did() + " rows in these dates";
        }
        if (positives() == rows()) {
            return "every row " + words.did() + " in these dates";
        }
        return null;
    }

    String auc() {
        String oneClass = oneClass();
        return (oneClass == null ? "the scores could not be compared" : oneClass) + ", so the AUC is undefined";
    }

    String interval() {
        return "no interval: it needs rows from at least 2 accounts";
    }

    String baseRate() {
        return "there are no scored rows, so there is no base rate";
    }

    String shareOfPositives() {
        return "no " + words.did() + " rows, so there is no share of them to show";
    }

    String emptyBand() {
        return "no rows in this band";
    }

    String lift(Double rate) {
        return rate == null ? emptyBand() : "the base rate is 0 (no " + words.did() + " rows), so lift is undefined";
    }

    String emptyDecile() {
        return "no rows in this decile (tied scores share one)";
    }

    String measureAuc() {
        String oneClass = oneClass();
        return oneClass != null ? oneClass + ", so the AUC is undefined"
                : "this measure has no value on rows of both outcomes, so its AUC is undefined";
    }

    String fit() {
        String oneClass = oneClass();
        return oneClass != null ? oneClass + ": a fit needs rows that " + words.did() + " and rows that did not"
                : "every fitted coefficient is 0: no measure adds signal in the intended direction";
    }

    String forward() {
        int dates = report.asOfDates() == null ? 0 : report.asOfDates().size();
        return dates < 3 ? "the forward check needs at least 3 asOf dates; this evaluation has " + dates
                : "no forward check could be made on these dates";
    }

    String forwardSuggested() {
        return "no weights could be fitted on the earlier dates";
    }

    String segmentAuc() {
        return "only one outcome in this segment, so its AUC is undefined";
    }

    String precision() {
        return "no rows were red";
    }

    String suggestedBands() {
        return words.churn() ? "no suggested bands in this report"
                : "bands are suggested for churn only: a green account that expands is a hit, not a miss";
    }

    String missingRate() {
        return "no scored rows";
    }
}
