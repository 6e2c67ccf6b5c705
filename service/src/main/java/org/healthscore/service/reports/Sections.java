package org.healthscore.service.reports;

/**
 * One report's sections, in the order a reader asks: the verdict and findings first, then the charts, the band
 * table, the weights, the measures, the segments and the false greens. A page renders these once per report:
 * a challenger (a second scorecard on the same rows) would be a second call with its own id prefix, in a column
 * beside the first.
 */
final class Sections {

    private Sections() {
    }

    static void render(Markup out, Context c) {
        VerdictSection.render(out, c);
        FindingsSection.render(out, c);
        ChartsSection.render(out, c);
        BandsSection.render(out, c);
        WeightsSection.render(out, c);
        MeasuresSection.render(out, c);
        SegmentsSection.render(out, c);
        FalseGreensSection.render(out, c);
    }
}
