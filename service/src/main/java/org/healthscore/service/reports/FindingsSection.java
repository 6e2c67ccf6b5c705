package org.healthscore.service.reports;

import java.util.List;

/** The report's findings as written by the evaluation core: plain sentences with the numbers behind them. */
final class FindingsSection {

    private FindingsSection() {
    }

    static void render(Markup out, Context c) {
        List<String> findings = c.report().findings();
        out.open("section", "id", c.id("findings"));
        out.element("h2", "Findings");
        if (findings == null || findings.isEmpty()) {
            out.element("p", "No findings in this report.");
        } else {
            out.open("ul", "class", "findings");
            findings.forEach(f -> out.element("li", f));
            out.close();
        }
        out.close();
    }
}
