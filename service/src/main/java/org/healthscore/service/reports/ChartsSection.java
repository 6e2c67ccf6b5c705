package org.healthscore.service.reports;

/** The five charts, each a figure with a caption that says how to read it. */
final class ChartsSection {

    private ChartsSection() {
    }

    static void render(Markup out, Context c) {
        Wording w = c.words();
        out.open("section", "id", c.id("charts"));
        out.element("h2", "Charts");
        out.open("div", "class", "charts");
        figure(out, "The closer the curve hugs the top left corner, the better the score separates rows that "
                + w.did() + " from the others; the dashed diagonal is a coin toss.", () -> RocChart.draw(out, c));
        figure(out, "A useful score puts far more of the rows that " + w.did() + " in "
                + (w.churn() ? "red than in green" : "green than in red") + "; the dashed line is the rate over"
                + " all rows.", () -> BandRateChart.draw(out, c));
        figure(out, "Where the scores fall for rows that " + w.did() + " (hatched) and for the others (solid),"
                + " each as a share of its own rows: the less the two overlap, the better.",
                () -> DistributionChart.draw(out, c));
        figure(out, "Each measure on its own: longer bars rank better; below the 0.5 line a measure points the"
                + " wrong way.", () -> MeasureAucChart.draw(out, c));
        figure(out, "Decile 1 holds the tenth of rows the score rates most " + w.flagged() + "; a good score"
                + " gives it a lift well above 1.", () -> DecileLiftChart.draw(out, c));
        out.close();
        out.close();
    }

    private static void figure(Markup out, String caption, Runnable chart) {
        out.open("figure", "class", "chart");
        chart.run();
        out.element("figcaption", caption);
        out.close();
    }
}
