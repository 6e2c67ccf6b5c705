package org.healthscore.service.reports;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationSource;

/**
 * An evaluation's report as one self-contained page (DESIGN.md 3.6): inline CSS and SVG, no script, nothing
 * fetched from anywhere, well-formed XHTML (it parses as XML), printable on A4. Pure: data in, text out.
 */
public final class ReportPage {

    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private ReportPage() {
    }

    public static String render(ReportData data) {
        Evaluation e = data.evaluation();
        Context main = Context.of(data, "");
        Markup out = new Markup();
        out.trusted("<!DOCTYPE html>\n");
        out.open("html", "xmlns", XHTML_NS, "lang", "en");
        out.open("head");
        out.empty("meta", "charset", "utf-8");
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        out.element("title", title(e));
        out.element("style", Styles.CSS);
        out.close();
        out.open("body");
        header(out, e);
        out.open("main");
        if (data.challenger() == null) {
            Sections.render(out, main);
        } else {
            Context challenger = Context.of(data.challenger(), "challenger-");
            ComparisonSection.render(out, main, challenger, e.challenger() == null ? null
                    : e.challenger().difference());
            out.open("section", "id", "champion", "class", "report");
            out.element("h2", "Champion: " + scorecard(e.scorecard()), "class", "part");
            Sections.render(out, main);
            out.close();
            out.open("section", "id", "challenger", "class", "report");
            out.element("h2", "Challenger: " + scorecard(data.challenger().evaluation().scorecard()), "class",
                    "part");
            Sections.render(out, challenger);
            out.close();
        }
        out.close();
        out.open("footer");
        out.element("p", "Evaluation " + e.id() + (e.finishedAt() == null ? "" : ", finished " + e.finishedAt())
                + ". Rows are (account, asOf date) pairs; an account appears once per date it was active.");
        out.close();
        out.close();
        out.close();
        return out.toString();
    }

    private static String title(Evaluation e) {
        return "Does scorecard " + scorecard(e) + " predict " + new Wording(e.outcome()).verb() + "?";
    }

    private static String scorecard(Evaluation e) {
        return scorecard(e.scorecard());
    }

    static String scorecard(Evaluation.ScorecardRef s) {
        return s.key() + (s.draft() || s.version() == null ? " (draft)" : " v" + s.version());
    }

    private static void header(Markup out, Evaluation e) {
        EvaluationReport r = e.report();
        Wording w = new Wording(e.outcome());
        out.open("header");
        out.element("h1", title(e));
        List<LocalDate> dates = r.asOfDates() == null ? List.of() : r.asOfDates();
        String span = dates.isEmpty() ? "no asOf dates" : dates.size() == 1 ? "scores of " + dates.get(0)
                : "scores of " + dates.size() + " dates from " + dates.get(0) + " to " + dates.get(dates.size() - 1);
        out.element("p", "Backtest of " + scorecard(e) + ": " + span + ", each compared with whether the account "
                + w.did() + " within the next " + e.horizonDays() + " days (outcomes known through "
                + e.outcomesKnownThrough() + "). Scores "
                + (e.source() == EvaluationSource.SNAPSHOTS ? "as stored at the time"
                : "recomputed from the data as it was at each date") + (e.segment() == null ? ""
                : "; segment " + e.segment() + " only") + ".", "class", "about");
        out.close();
    }
}
