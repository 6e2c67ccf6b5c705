package org.healthscore.service.reports;

import org.healthscore.api.evaluation.EvaluationReport.Comparison;
import org.healthscore.api.evaluation.EvaluationReport.SuggestedWeights;
import org.healthscore.api.evaluation.EvaluationReport.Weight;

/**
 * Suggested weights beside the current ones, and what each set achieves on rows it was not fitted on: the
 * cross-validated AUC and the forward check.
 */
final class WeightsSection {

    private WeightsSection() {
    }

    static void render(Markup out, Context c) {
        SuggestedWeights s = c.report().suggestedWeights();
        out.open("section", "id", c.id("weights"));
        out.element("h2", "Weights");
        if (s == null || s.weights().isEmpty()) {
            out.element("p", "Suggested weights: " + Numbers.NA + " (the scorecard has no measures to weigh).");
            out.close();
            return;
        }
        out.element("p", "Suggested weights come from a fit of the outcome on the measure scores in which every"
                + " measure must point the intended way; they sum to 100. A measure the fit gives nothing to add"
                + " gets 0.");
        double sum = s.weights().stream().mapToDouble(Weight::current).sum();
        out.open("table", "class", "weights");
        Cells.header(out, "Measure", "Current weight", "Current share", "Suggested weight");
        out.open("tbody");
        for (Weight weight : s.weights()) {
            out.open("tr", "data-metric", weight.metric());
            out.element("th", weight.metric(), "scope", "row");
            Cells.number(out, Numbers.number(weight.current(), 2), null, "current");
            Cells.number(out, Numbers.percent(sum > 0 ? weight.current() / sum : null), "the weights sum to 0",
                    "current-share");
            Cells.number(out, Numbers.number(weight.suggested(), 1), c.why().fit(), "suggested");
            out.close();
        }
        out.close();
        out.close();

        out.element("h3", "AUC on rows the weights were not fitted on");
        out.open("table", "class", "comparison");
        Cells.header(out, "Check", "Current weights", "Suggested weights");
        out.open("tbody");
        comparison(out, c, "cv", "Cross-validated (5 folds, grouped by account)", s.cvAuc(), c.why().fit(),
                c.why().fit());
        comparison(out, c, "forward", "Forward (fitted on the earlier dates, tested on the later ones)",
                s.forwardAuc(), c.why().forward(), c.why().forwardSuggested());
        out.close();
        out.close();
        out.close();
    }

    private static void comparison(Markup out, Context c, String key, String label, Comparison comparison,
                                   String whyNone, String whySuggested) {
        out.open("tr", "data-check", key);
        out.element("th", label, "scope", "row");
        if (comparison == null) {
            Cells.number(out, Numbers.NA, whyNone, "current");
            Cells.number(out, Numbers.NA, whyNone, "suggested");
        } else {
            Cells.number(out, Numbers.auc3(comparison.current()), c.why().oneClass() == null ? whyNone
                    : c.why().oneClass(), "current");
            Cells.number(out, Numbers.auc3(comparison.suggested()), whySuggested, "suggested");
        }
        out.close();
    }
}
