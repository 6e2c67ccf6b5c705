package org.healthscore.service.reports;

import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport.Decile;

/** Lift per score decile, riskiest tenth first, against lift 1 (no better than picking rows at random). */
final class DecileLiftChart {

    static final String NAME = "decile-lift";

    private DecileLiftChart() {
    }

    static void draw(Markup out, Context c) {
        Wording w = c.words();
        List<Decile> deciles = c.report().deciles();
        double max = 1;
        boolean any = false;
        for (Decile d : deciles) {
            if (d.lift() != null) {
                max = Math.max(max, d.lift());
                any = true;
            }
        }
        double step = Plot.niceStep(max * 1.12);
        Plot plot = new Plot(400, 300, 56, 16, 16, 44).x(0, deciles.size()).y(0, Plot.niceTop(max * 1.12, step));
        plot.open(out, c.id("chart-" + NAME), NAME, "Lift per decile",
                "Rows in ten equal groups from the score's riskiest tenth (1) to its safest (10): how many times the"
                        + " base rate of rows that " + w.did() + " each group holds.");
        plot.yAxis(out, step, v -> Numbers.number(v, 2) + "×", "Lift (times the base rate)");
        plot.xTitle(out, "Decile (1 = the tenth the score rates most " + w.flagged() + ")");
        plot.axes(out);
        double slot = (plot.right - plot.left) / Math.max(1, deciles.size());
        for (int i = 0; i < deciles.size(); i++) {
            Decile d = deciles.get(i);
            double cx = plot.left + slot * (i + 0.5);
            Plot.text(out, cx, plot.bottom + 15, String.valueOf(d.decile()), "middle", Plot.SMALL, Palette.INK);
            if (d.lift() == null) {
                if (any) {
                    Plot.text(out, cx, plot.bottom - 6, Numbers.NA, "middle", Plot.SMALL, Palette.INK);
                }
                continue;
            }
            double y = plot.py(d.lift());
            Plot.rect(out, cx - slot * 0.35, y, slot * 0.7, plot.bottom - y, Palette.SKY_BLUE,
                    "Decile " + d.decile() + ": " + Numbers.count(d.positives()) + " of " + Numbers.count(d.rows())
                            + " rows " + w.did() + ", lift " + Numbers.lift(d.lift()),
                    "data-series", "decile", "stroke", Palette.BLUE, "stroke-width", "1");
            Plot.text(out, cx, y - 4, Numbers.lift(d.lift()), "middle", Plot.SMALL, Palette.INK);
        }
        double y = plot.py(1);
        // At the left: a useful score has its tall bars there, well above the line and clear of this label.
        plot.reference(out, plot.left, y, plot.right, y, "lift 1 = random", plot.left + 4, y - 5, "start");
        if (!any) {
            plot.message(out, Numbers.NA, whyNoLift(c));
        }
        plot.close(out);
    }

    private static String whyNoLift(Context c) {
        Double base = c.report().counts() == null ? null : c.report().counts().baseRate();
        if (base == null) {
            return c.why().baseRate();
        }
        return base == 0 ? c.why().lift(0.0) : c.why().emptyDecile();
    }
}
