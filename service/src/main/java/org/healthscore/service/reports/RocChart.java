package org.healthscore.service.reports;

import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.RocPoint;

/** The ROC curve with the diagonal of a coin toss; the area under it is the AUC. */
final class RocChart {

    static final String NAME = "roc";

    private RocChart() {
    }

    static void draw(Markup out, Context c) {
        Wording w = c.words();
        List<RocPoint> roc = c.report().roc();
        Plot plot = new Plot(400, 300, 56, 16, 12, 44).x(0, 1).y(0, 1);
        plot.open(out, c.id("chart-" + NAME), NAME, "ROC curve",
                "Share of rows that " + w.did() + " (up) against share of the other rows (across) that the score "
                        + "flags as " + w.flagged() + ", as the threshold moves from the riskiest scores to all of "
                        + "them. AUC " + Numbers.aucWithInterval(c.report().auc()) + ".");
        plot.yAxis(out, 0.2, v -> Numbers.percent(v), "Rows that " + w.did() + ", flagged");
        plot.xAxis(out, 0.2, v -> Numbers.percent(v), "Other rows, flagged");
        plot.axes(out);
        plot.reference(out, plot.px(0), plot.py(0), plot.px(1), plot.py(1), "coin toss", plot.px(0.62),
                plot.py(0.5), "start");
        if (roc == null) {
            // Above the diagonal's left half, where nothing else is drawn.
            plot.messageAt(out, plot.px(0.04), plot.py(0.85), "start", Numbers.NA,
                    "this report was computed before it held a curve");
        } else if (roc.isEmpty()) {
            plot.messageAt(out, plot.px(0.04), plot.py(0.85), "start", Numbers.NA,
                    c.why().oneClass() + ": no curve");
        } else {
            StringBuilder points = new StringBuilder();
            for (RocPoint p : roc) {
                if (points.length() > 0) {
                    points.append(' ');
                }
                points.append(Plot.n(plot.px(p.falsePositiveRate()))).append(',')
                        .append(Plot.n(plot.py(p.truePositiveRate())));
            }
            out.empty("polyline", "points", points.toString(), "fill", "none", "stroke", Palette.BLUE,
                    "stroke-width", "2.5", "stroke-linejoin", "round", "data-series", NAME);
            Plot.text(out, plot.px(0.97), plot.py(0.05), "AUC " + Numbers.aucWithInterval(c.report().auc()), "end",
                    Plot.FONT, Palette.INK);
        }
        plot.close(out);
    }
}
