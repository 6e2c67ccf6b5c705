package org.healthscore.service.reports;

import java.util.List;
import java.util.Locale;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.BandStat;
import org.healthscore.api.health.Band;

/** The band table under the current thresholds and, beside it, under the suggested ones. */
final class BandsSection {

    private BandsSection() {
    }

    static void render(Markup out, Context c) {
        EvaluationReport r = c.report();
        Wording w = c.words();
        EvaluationReport.SuggestedBands suggested = r.suggestedBands();
        out.open("section", "id", c.id("bands"));
        out.element("h2", "Bands");
        out.element("p", "How many rows each band held and how many of them " + w.did() + " within "
                + c.data().evaluation().horizonDays() + " days, under the current thresholds"
                + (suggested == null ? "." : " and under the suggested ones."));
        out.open("table", "class", "bands");
        out.open("thead");
        out.open("tr").element("th", "", "scope", "col");
        out.element("th", "Current: red below " + Numbers.number(c.data().redBelow(), 2) + ", green from "
                + Numbers.number(c.data().greenFrom(), 2), "scope", "colgroup", "colspan", "4");
        if (suggested != null) {
            out.element("th", "Suggested: red below " + Numbers.number(suggested.redBelow(), 2) + ", green from "
                    + Numbers.number(suggested.greenFrom(), 2), "scope", "colgroup", "colspan", "4",
                    "class", "suggested");
        }
        out.close();
        out.open("tr").element("th", "Band", "scope", "col");
        for (int k = 0; k < (suggested == null ? 1 : 2); k++) {
            out.element("th", "Rows", "scope", "col").element("th", capitalized(w.did()), "scope", "col")
                    .element("th", "Rate", "scope", "col")
                    .element("th", "Share of " + w.did(), "scope", "col");
        }
        out.close();
        out.close();
        out.open("tbody");
        for (BandStat b : r.bands()) {
            out.open("tr", "data-band", b.band().name());
            out.open("th", "scope", "row");
            out.element("span", "", "class", "swatch swatch-" + b.band().name().toLowerCase(Locale.ROOT),
                    "aria-hidden", "true");
            out.text(Palette.bandName(b.band()));
            out.close();
            cells(out, c, b, "current");
            if (suggested != null) {
                cells(out, c, find(suggested.bands(), b.band()), "suggested");
            }
            out.close();
        }
        out.close();
        out.close();
        if (suggested == null) {
            out.element("p", "Suggested thresholds: " + Numbers.NA + " (" + c.why().suggestedBands() + ").",
                    "class", "note");
        } else if (w.churn()) {
            BandStat green = find(suggested.bands(), Band.GREEN);
            out.open("p", "class", "note");
            out.text("Green rows that churned (false greens): ");
            Cells.value(out, Numbers.percent(r.falseGreens().shareOfPositives()), c.why().shareOfPositives());
            out.text(" of churned rows now; ");
            Cells.value(out, Numbers.percent(green == null ? null : green.shareOfPositives()),
                    c.why().shareOfPositives());
            out.text(" with the suggested thresholds.");
            out.close();
        }
        out.close();
    }

    private static void cells(Markup out, Context c, BandStat b, String thresholds) {
        if (b == null) {
            for (int k = 0; k < 4; k++) {
                Cells.td(out, Numbers.NA, c.why().emptyBand(), "class", "num");
            }
            return;
        }
        Cells.td(out, Numbers.count(b.rows()), null, "class", "num", "data-field", thresholds + "-rows");
        Cells.td(out, Numbers.count(b.positives()), null, "class", "num", "data-field", thresholds + "-positives");
        Cells.td(out, Numbers.percent(b.rate()), c.why().emptyBand(), "class", "num", "data-field",
                thresholds + "-rate");
        Cells.td(out, Numbers.percent(b.shareOfPositives()), c.why().shareOfPositives(), "class", "num",
                "data-field", thresholds + "-share");
    }

    private static BandStat find(List<BandStat> bands, Band band) {
        return bands.stream().filter(b -> b.band() == band).findFirst().orElse(null);
    }

    /** "Below 40", "40 to 70", "70 and up": a band's score range under the current thresholds. */
    static String range(Band band, Context c) {
        String red = Numbers.number(c.data().redBelow(), 2);
        String green = Numbers.number(c.data().greenFrom(), 2);
        return switch (band) {
            case RED -> "below " + red;
            case YELLOW -> red + " to " + green;
            case GREEN -> green + " and up";
            default -> "";
        };
    }

    private static String capitalized(String s) {
        return VerdictSection.capital(s);
    }
}
