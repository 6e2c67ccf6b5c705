package org.healthscore.service.reports;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.FalseGreen;

/**
 * The green rows that then had the outcome: for churn the accounts a CS team would have missed. The first
 * rows are listed; every one is in the CSV beside the page (a relative link, so the page requests nothing).
 */
final class FalseGreensSection {

    static final String CSV = "false-greens.csv";

    private FalseGreensSection() {
    }

    static void render(Markup out, Context c) {
        Wording w = c.words();
        EvaluationReport r = c.report();
        List<FalseGreen> rows = c.data().falseGreens();
        long count = r.falseGreens() == null ? 0 : r.falseGreens().count();
        out.open("section", "id", c.id("false-greens"));
        out.element("h2", w.churn() ? "False greens" : "Green rows that expanded");
        out.open("p");
        out.text(w.churn() ? "Rows scored green whose account churned within "
                + c.data().evaluation().horizonDays() + " days: " : "Rows scored green whose account expanded"
                + " within " + c.data().evaluation().horizonDays() + " days (hits, not misses): ");
        out.element("strong", Numbers.count(count), "data-figure", "false-green-count");
        out.text(", ");
        Cells.value(out, Numbers.percent(r.falseGreens() == null ? null : r.falseGreens().shareOfPositives()),
                c.why().shareOfPositives());
        out.text(" of the rows that " + w.did() + ".");
        if (count > 0 && c.prefix().isEmpty()) {
            out.text(rows.size() < count ? " The first " + Numbers.count(rows.size()) + " are listed; all of them: "
                    : " All of them, also as ");
            out.element("a", CSV, "href", CSV, "download", CSV);
            out.text(".");
        } else if (rows.size() < count) {
            // The CSV beside the page holds the evaluated scorecard's false greens, not a challenger's.
            out.text(" The first " + Numbers.count(rows.size()) + " are listed.");
        }
        out.close();
        if (!rows.isEmpty()) {
            out.open("table", "class", "false-greens");
            Cells.header(out, "Account", "As of", "Score", capitalizedDid(w) + " on", "Days later");
            out.open("tbody");
            for (FalseGreen fg : rows) {
                out.open("tr");
                out.element("td", fg.account(), "data-field", "account");
                out.element("td", fg.asOf().toString(), "data-field", "as-of");
                Cells.number(out, Numbers.number(fg.score(), 1), null, "score");
                out.element("td", fg.outcomeDate().toString(), "data-field", "outcome-date");
                Cells.number(out, Numbers.count(ChronoUnit.DAYS.between(fg.asOf(), fg.outcomeDate())), null,
                        "days");
                out.close();
            }
            out.close();
            out.close();
        }
        out.close();
    }

    private static String capitalizedDid(Wording w) {
        return VerdictSection.capital(w.did());
    }
}
