package org.healthscore.service.reports;

import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.Candidate;
import org.healthscore.api.evaluation.EvaluationReport.MeasureStat;
import org.healthscore.api.evaluation.EvaluationReport.RedundantPair;

/** Each measure on its own, the pairs that say the same thing, and the catalog metrics worth trying. */
final class MeasuresSection {

    private MeasuresSection() {
    }

    static void render(Markup out, Context c) {
        EvaluationReport r = c.report();
        out.open("section", "id", c.id("measures"));
        out.element("h2", "Measures");
        out.open("table", "class", "measures");
        Cells.header(out, "Measure", "AUC on its own", "Direction", "Missing", "Weight share");
        out.open("tbody");
        for (MeasureStat m : r.measures()) {
            boolean wrong = Boolean.TRUE.equals(m.wrongWay());
            out.open("tr", "data-metric", m.metric(), "class", wrong ? "wrong-way" : null);
            out.element("th", m.metric(), "scope", "row");
            Cells.number(out, Numbers.auc(m.auc()), c.why().measureAuc(), "auc");
            if (m.wrongWay() == null) {
                Cells.td(out, Numbers.NA, c.why().measureAuc(), "data-field", "direction");
            } else if (wrong) {
                out.open("td", "data-field", "direction", "class", "flag");
                out.element("span", "⚠", "aria-hidden", "true");
                out.text(" Wrong way");
                out.close();
            } else {
                out.element("td", "As intended", "data-field", "direction");
            }
            Cells.number(out, Numbers.percent(m.missingRate()), c.why().missingRate(), "missing");
            Cells.number(out, Numbers.percent(m.weightShare()), "the weights sum to 0", "weight-share");
            out.close();
        }
        out.close();
        out.close();

        if (!r.redundantPairs().isEmpty()) {
            out.element("h3", "Redundant pairs");
            out.open("ul");
            for (RedundantPair p : r.redundantPairs()) {
                out.element("li", p.a() + " and " + p.b() + " move together (Spearman rho "
                        + Numbers.number(p.rho(), 2) + "): one of them may be enough.");
            }
            out.close();
        }
        out.element("h3", "Candidate metrics");
        if (r.candidates().isEmpty()) {
            out.element("p", "No catalog metric with observations is left out of the scorecard.");
        } else {
            out.element("p", "Catalog metrics the scorecard does not use, by how well each ranks on its own.");
            out.open("table", "class", "candidates");
            Cells.header(out, "Metric", "AUC on its own");
            out.open("tbody");
            for (Candidate candidate : r.candidates()) {
                out.open("tr", "data-metric", candidate.metric());
                out.element("th", candidate.metric(), "scope", "row");
                Cells.number(out, Numbers.auc(candidate.auc()), c.why().measureAuc(), "auc");
                out.close();
            }
            out.close();
            out.close();
        }
        out.close();
    }
}
