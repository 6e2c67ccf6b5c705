package org.healthscore.service.reports;

import java.util.Locale;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.EvaluationReport;

/**
 * Champion and challenger side by side on the same rows: which ranks better and by how much, whether the two
 * intervals overlap (then the difference could be chance), the share of positives each leaves green, each
 * verdict and each band's rate.
 */
final class ComparisonSection {

    private ComparisonSection() {
    }

    static void render(Markup out, Context champion, Context challenger, Evaluation.Difference difference) {
        EvaluationReport a = champion.report();
        EvaluationReport b = challenger.report();
        String nameA = ReportPage.scorecard(champion.data().evaluation().scorecard());
        String nameB = ReportPage.scorecard(challenger.data().evaluation().scorecard());
        out.open("section", "id", "comparison", "class", "comparison");
        out.element("h2", "Champion vs challenger");
        out.element("p", verdict(nameA, nameB, a.auc(), b.auc(), difference), "class", "lead",
                "data-figure", "comparison");
        out.open("table");
        Cells.header(out, "", nameA + " (champion)", nameB + " (challenger)", "Challenger minus champion");
        out.open("tbody");
        row(out, "AUC [95% interval]", Numbers.aucWithInterval(a.auc()), Numbers.aucWithInterval(b.auc()),
                signed(difference == null ? null : difference.auc(), false), "auc");
        if (champion.words().churn()) {
            row(out, "Churned rows that were green", Numbers.percent(share(a)), Numbers.percent(share(b)),
                    signed(difference == null ? null : difference.falseGreenShare(), true), "false-green-share");
        }
        row(out, "Verdict", name(a), name(b), "", "verdict");
        if (difference != null) {
            for (Evaluation.BandRate band : difference.bands()) {
                row(out, band.band().name().charAt(0) + band.band().name().substring(1).toLowerCase(Locale.ROOT)
                        + " rows that " + champion.words().did(), Numbers.percent(band.champion()),
                        Numbers.percent(band.challenger()), signed(band.difference(), true),
                        "rate-" + band.band().name().toLowerCase(Locale.ROOT));
            }
        }
        out.close().close();
        out.close();
    }

    private static void row(Markup out, String what, String champion, String challenger, String difference,
                            String field) {
        out.open("tr", "data-row", field);
        out.element("th", what, "scope", "row");
        Cells.number(out, champion, null, "champion");
        Cells.number(out, challenger, null, "challenger");
        Cells.number(out, difference, null, "difference");
        out.close();
    }

    /** Which ranks better, by how much, and whether that could be chance. */
    static String verdict(String a, String b, EvaluationReport.Auc aucA, EvaluationReport.Auc aucB,
                          Evaluation.Difference difference) {
        if (difference == null || difference.auc() == null) {
            return "The two cannot be compared: an AUC is undefined (see each report below).";
        }
        double d = difference.auc();
        if (Math.abs(d) < 0.005) {
            return b + " and " + a + " rank the same rows equally well (AUC " + Numbers.auc(aucA.value()) + ").";
        }
        String better = d > 0 ? b : a;
        String worse = d > 0 ? a : b;
        boolean overlap = aucA.low() != null && aucB.low() != null && aucA.low() <= aucB.high()
                && aucB.low() <= aucA.high();
        return better + " ranks better than " + worse + " by " + Numbers.auc(Math.abs(d)) + " AUC ("
                + Numbers.aucWithInterval(d > 0 ? aucB : aucA) + " vs " + Numbers.aucWithInterval(d > 0 ? aucA : aucB)
                + ")." + (overlap ? " The intervals overlap: the difference could be chance."
                : " The intervals do not overlap.");
    }

    private static Double share(EvaluationReport r) {
        return r.falseGreens() == null ? null : r.falseGreens().shareOfPositives();
    }

    private static String name(EvaluationReport r) {
        return r.verdict() == null ? Numbers.NA : r.verdict().name().replace('_', ' ');
    }

    /** "+0.11", "-3.2 points"; shares as percentage points. */
    private static String signed(Double value, boolean share) {
        if (value == null) {
            return Numbers.NA;
        }
        String text = share ? Numbers.number(value * 100, 1) + " points" : String.format(Locale.ROOT, "%.2f", value);
        return value > 0 ? "+" + text : text;
    }
}
