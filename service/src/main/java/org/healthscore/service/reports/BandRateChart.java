package org.healthscore.service.reports;

import org.healthscore.api.evaluation.EvaluationReport.BandStat;

/** The outcome's rate in each band, against the base rate: a good score has far more of it in red than green. */
final class BandRateChart {

    static final String NAME = "band-rates";

    private BandRateChart() {
    }

    static void draw(Markup out, Context c) {
        Wording w = c.words();
        Double base = c.report().counts() == null ? null : c.report().counts().baseRate();
        var bands = c.report().bands();
        double max = base == null ? 0 : base;
        for (BandStat b : bands) {
            max = b.rate() == null ? max : Math.max(max, b.rate());
        }
        double step = Plot.niceStep(max * 1.1);
        Plot plot = new Plot(400, 300, 56, 16, 16, 52).x(0, bands.size()).y(0, Plot.niceTop(max * 1.1, step));
        plot.open(out, c.id("chart-" + NAME), NAME, "Rate per band",
                "The share of each band's rows that " + w.did() + ", with the base rate of all rows ("
                        + Numbers.percent(base) + ") as a dashed line.");
        plot.yAxis(out, step, v -> Numbers.percent(v), "Rows that " + w.did());
        plot.xTitle(out, "Band (current thresholds)");
        plot.axes(out);
        if (base == null) {
            plot.message(out, Numbers.NA, c.why().baseRate());
            plot.close(out);
            return;
        }
        double slot = (plot.right - plot.left) / bands.size();
        for (int i = 0; i < bands.size(); i++) {
            BandStat b = bands.get(i);
            double cx = plot.left + slot * (i + 0.5);
            double barWidth = slot * 0.55;
            String name = Palette.bandName(b.band());
            Plot.text(out, cx, plot.bottom + 15, name, "middle", Plot.FONT, Palette.INK);
            Plot.text(out, cx, plot.bottom + 28, BandsSection.range(b.band(), c), "middle", Plot.SMALL, Palette.GREY);
            if (b.rate() == null) {
                Plot.text(out, cx, plot.bottom - 8, Numbers.NA + ": " + c.why().emptyBand(), "middle", Plot.SMALL,
                        Palette.INK);
                continue;
            }
            double y = plot.py(b.rate());
            Plot.rect(out, cx - barWidth / 2, y, barWidth, plot.bottom - y, Palette.band(b.band()),
                    name + ": " + Numbers.percent(b.rate()) + " of " + Numbers.count(b.rows()) + " rows " + w.did(),
                    "data-series", "band", "data-band", b.band().name());
            Plot.text(out, cx, y - 5, Numbers.percent(b.rate()), "middle", Plot.FONT, Palette.INK);
        }
        double y = plot.py(base);
        plot.reference(out, plot.left, y, plot.right, y, "base rate " + Numbers.percent(base), plot.right - 2, y - 5,
                "end");
        plot.close(out);
    }
}
