package org.healthscore.service.reports;

import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.ScoreBin;

/**
 * Where the scores of each outcome fall, as shares of that outcome's rows so the two can be compared however
 * rare the outcome is. The positive rows are hatched as well as coloured.
 */
final class DistributionChart {

    static final String NAME = "distribution";

    private DistributionChart() {
    }

    static void draw(Markup out, Context c) {
        Wording w = c.words();
        List<ScoreBin> bins = c.report().distribution();
        long positives = 0;
        long negatives = 0;
        for (ScoreBin b : bins == null ? List.<ScoreBin>of() : bins) {
            positives += b.positives();
            negatives += b.negatives();
        }
        double max = 0;
        for (ScoreBin b : bins == null ? List.<ScoreBin>of() : bins) {
            max = Math.max(max, share(b.positives(), positives));
            max = Math.max(max, share(b.negatives(), negatives));
        }
        double step = Plot.niceStep(max * 1.05);
        Plot plot = new Plot(400, 300, 56, 16, 34, 44).x(0, 100).y(0, Plot.niceTop(max * 1.05, step));
        String hatch = c.id("hatch-" + NAME);
        plot.open(out, c.id("chart-" + NAME), NAME, "Score distribution by outcome",
                "For each ten-point score range, the share of the rows that " + w.did() + " (hatched) and the share"
                        + " of the other rows (solid) that scored in it.");
        out.open("defs");
        Plot.hatch(out, hatch, Palette.VERMILLION);
        out.close();
        plot.yAxis(out, step, v -> Numbers.percent(v), "Share of the outcome's rows");
        plot.xAxis(out, 10, v -> Numbers.number(v, 0), "Score");
        plot.axes(out);
        legend(out, plot, hatch, w);
        if (bins == null || positives + negatives == 0) {
            plot.message(out, Numbers.NA, bins == null ? "this report was computed before it held a distribution"
                    : c.why().oneClass());
            plot.close(out);
            return;
        }
        for (ScoreBin b : bins) {
            double x0 = plot.px(b.from());
            double barWidth = (plot.px(b.to()) - x0) * 0.4;
            double gap = (plot.px(b.to()) - x0) * 0.1;
            String range = b.from() + "-" + b.to();
            if (negatives > 0) {
                double y = plot.py(share(b.negatives(), negatives));
                Plot.rect(out, x0 + gap, y, barWidth, plot.bottom - y, Palette.BLUE, "Score " + range + ": "
                                + Numbers.count(b.negatives()) + " rows that did not " + w.verb() + " ("
                                + Numbers.percent(share(b.negatives(), negatives)) + ")",
                        "data-series", "negatives");
            }
            if (positives > 0) {
                double y = plot.py(share(b.positives(), positives));
                Plot.rect(out, x0 + gap + barWidth, y, barWidth, plot.bottom - y, "url(#" + hatch + ")",
                        "Score " + range + ": " + Numbers.count(b.positives()) + " rows that " + w.did() + " ("
                                + Numbers.percent(share(b.positives(), positives)) + ")",
                        "data-series", "positives", "stroke", Palette.VERMILLION, "stroke-width", "0.5");
            }
        }
        if (positives == 0 || negatives == 0) {
            Plot.text(out, plot.right - 4, plot.top + 14, Numbers.NA + " for " + (positives == 0 ? "rows that "
                    + w.did() : "other rows") + ": " + c.why().oneClass(), "end", Plot.SMALL, Palette.INK);
        }
        plot.close(out);
    }

    private static void legend(Markup out, Plot plot, String hatch, Wording w) {
        double y = 10;
        Plot.rect(out, plot.left, y, 12, 12, "url(#" + hatch + ")", null, "stroke", Palette.VERMILLION);
        Plot.text(out, plot.left + 16, y + 10, w.did() + " (hatched)", "start", Plot.SMALL, Palette.INK);
        double x = plot.left + 150;
        Plot.rect(out, x, y, 12, 12, Palette.BLUE, null);
        Plot.text(out, x + 16, y + 10, "did not " + w.verb() + " (solid)", "start", Plot.SMALL, Palette.INK);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
