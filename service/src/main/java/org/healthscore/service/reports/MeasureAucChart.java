package org.healthscore.service.reports;

import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.MeasureStat;

/**
 * Each measure's AUC on its own, against 0.5 (a coin toss). A measure pointing the wrong way is drawn in
 * another colour, hatched, and labelled "wrong way": three cues, not colour alone.
 */
final class MeasureAucChart {

    static final String NAME = "measure-auc";
    private static final double ROW = 28;
    private static final int MAX_NAME = 18;

    private MeasureAucChart() {
    }

    static void draw(Markup out, Context c) {
        Wording w = c.words();
        List<MeasureStat> measures = c.report().measures();
        boolean allUndefined = measures.stream().allMatch(m -> m.auc() == null);
        // Room under the axis for the sentence saying why, when no measure has an AUC.
        double bottom = allUndefined ? 62 : 40;
        double height = 50 + ROW * Math.max(1, measures.size()) + bottom;
        Plot plot = new Plot(400, height, 128, 80, 50, bottom).x(0, 1).y(0, Math.max(1, measures.size()));
        String hatch = c.id("hatch-" + NAME);
        plot.open(out, c.id("chart-" + NAME), NAME, "AUC of each measure",
                "How well each measure on its own ranks the rows that " + w.did() + " as " + w.flagged()
                        + "; 0.5 is a coin toss, below 0.5 the measure points the wrong way.");
        out.open("defs");
        Plot.hatch(out, hatch, Palette.VERMILLION);
        out.close();
        plot.xAxis(out, 0.25, v -> Numbers.number(v, 2), "AUC on its own");
        legend(out, plot, hatch);
        if (measures.isEmpty()) {
            plot.message(out, Numbers.NA, "the scorecard has no measures");
            plot.close(out);
            return;
        }
        for (int i = 0; i < measures.size(); i++) {
            MeasureStat m = measures.get(i);
            double top = plot.top + i * ROW + 4;
            double barHeight = ROW - 8;
            double cy = top + barHeight / 2 + 4;
            out.open("text", "x", Plot.n(plot.left - 6), "y", Plot.n(cy), "text-anchor", "end", "fill", Palette.INK)
                    .element("title", m.metric()).text(shortName(m.metric())).close();
            if (m.auc() == null) {
                Plot.text(out, plot.px(0) + 4, cy, Numbers.NA + (allUndefined ? "" : ": see the measures table"),
                        "start", Plot.SMALL, Palette.INK);
                continue;
            }
            boolean wrong = Boolean.TRUE.equals(m.wrongWay());
            double right = plot.px(m.auc());
            Plot.rect(out, plot.px(0), top, right - plot.px(0), barHeight, wrong ? "url(#" + hatch + ")" : Palette.BLUE,
                    m.metric() + ": AUC " + Numbers.auc(m.auc()) + (wrong ? ", wrong way" : ""),
                    "data-series", "measure", "data-metric", m.metric(), "data-wrong-way", String.valueOf(wrong),
                    "stroke", wrong ? Palette.VERMILLION : null);
            Plot.text(out, right + 4, cy, Numbers.auc(m.auc()) + (wrong ? " wrong way" : ""), "start", Plot.SMALL,
                    Palette.INK);
        }
        plot.reference(out, plot.px(0.5), plot.top - 4, plot.px(0.5), plot.bottom, "0.5 = coin toss", plot.px(0.5),
                plot.top - 8, "middle");
        if (allUndefined) {
            Plot.text(out, (plot.left + plot.right) / 2, plot.bottom + 30, Numbers.NA + ": " + c.why().measureAuc(),
                    "middle", Plot.SMALL, Palette.INK);
        }
        plot.close(out);
    }

    private static void legend(Markup out, Plot plot, String hatch) {
        double y = 8;
        double x0 = 20;
        Plot.rect(out, x0, y, 12, 12, Palette.BLUE, null);
        Plot.text(out, x0 + 16, y + 10, "points the intended way", "start", Plot.SMALL, Palette.INK);
        double x = x0 + 170;
        Plot.rect(out, x, y, 12, 12, "url(#" + hatch + ")", null, "stroke", Palette.VERMILLION);
        Plot.text(out, x + 16, y + 10, "wrong way (hatched)", "start", Plot.SMALL, Palette.INK);
    }

    /** Long metric keys are cut to fit beside the bars; the full key is in the tooltip and the tables. */
    static String shortName(String metric) {
        return metric.length() <= MAX_NAME ? metric : metric.substring(0, MAX_NAME - 1) + "…";
    }
}
