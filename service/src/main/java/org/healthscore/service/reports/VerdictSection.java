package org.healthscore.service.reports;

import java.util.Locale;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.Counts;
import org.healthscore.api.evaluation.Verdict;

/** The verdict in plain words, marked by a symbol and a word as well as a colour, and the figures behind it. */
final class VerdictSection {

    /** Thresholds of the verdict rule (DESIGN.md 3.6), quoted in its sentences. */
    private static final double PREDICTIVE_AUC = 0.70;
    private static final int MIN_CLASS_ROWS = 20;

    private VerdictSection() {
    }

    static void render(Markup out, Context c) {
        EvaluationReport r = c.report();
        Verdict verdict = r.verdict();
        String key = verdict == null ? "none" : verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
        out.open("section", "id", c.id("verdict"), "class", "verdict verdict-" + key);
        out.element("h2", "Verdict");
        out.open("p", "class", "badge", "data-verdict", verdict == null ? null : verdict.name());
        out.element("span", symbol(verdict), "class", "mark", "aria-hidden", "true");
        out.text(" " + name(verdict));
        out.close();
        out.element("p", lead(c), "class", "lead");
        figures(out, c);
        out.close();
    }

    private static void figures(Markup out, Context c) {
        EvaluationReport r = c.report();
        Wording w = c.words();
        Counts counts = r.counts();
        out.open("dl", "class", "figures");

        out.open("div").element("dt", "AUC (how well the score ranks)");
        out.open("dd", "class", "figure", "data-figure", "auc");
        Cells.value(out, Numbers.aucWithInterval(r.auc()), c.why().auc());
        out.close();
        if (r.auc() != null && r.auc().value() != null) {
            out.element("dd", "Take one row that " + w.did() + " and one that did not: the score rates the first more "
                    + w.flagged() + " " + Numbers.percent(r.auc().value()) + " of the time. 0.5 is a coin toss, 1 is"
                    + " perfect." + (r.auc().low() == null ? " " + capital(c.why().interval()) + "."
                    : " The 95% interval is in brackets."), "class", "explain");
        }
        out.close();

        if (w.churn()) {
            out.open("div").element("dt", "Green before churning (false greens)");
            out.open("dd", "class", "figure", "data-figure", "false-green-share");
            Cells.value(out, Numbers.percent(r.falseGreens() == null ? null : r.falseGreens().shareOfPositives()),
                    c.why().shareOfPositives());
            out.close();
            if (r.falseGreens() != null && counts != null && counts.positives() > 0) {
                out.element("dd", Numbers.count(r.falseGreens().count()) + " of " + Numbers.count(counts.positives())
                        + " churned rows were green beforehand.", "class", "explain");
            }
            out.close();
        }

        out.open("div").element("dt", "Base rate");
        out.open("dd", "class", "figure", "data-figure", "base-rate");
        Cells.value(out, Numbers.percent(counts == null ? null : counts.baseRate()), c.why().baseRate());
        out.close();
        if (counts != null) {
            out.element("dd", Numbers.count(counts.positives()) + " of " + Numbers.count(counts.rows()) + " rows "
                    + w.did() + " within " + c.data().evaluation().horizonDays() + " days.", "class", "explain");
        }
        out.close();

        if (counts != null) {
            out.open("div").element("dt", "Rows");
            out.element("dd", Numbers.count(counts.rows()), "class", "figure", "data-figure", "rows");
            int dates = r.asOfDates() == null ? 0 : r.asOfDates().size();
            out.element("dd", Numbers.count(counts.accounts()) + " accounts, each scored at up to " + dates
                    + " date" + (dates == 1 ? "" : "s") + (counts.insufficient() > 0 ? "; "
                    + Numbers.count(counts.insufficient()) + " more rows had too little data to score" : "") + ".",
                    "class", "explain");
            out.close();
        }
        out.close();
    }

    static String lead(Context c) {
        EvaluationReport r = c.report();
        Wording w = c.words();
        Double auc = r.auc() == null ? null : r.auc().value();
        if (r.verdict() == null) {
            return "No verdict in this report.";
        }
        return switch (r.verdict()) {
            case PREDICTIVE -> "The score predicts which accounts will " + w.verb() + ": rows that went on to "
                    + w.verb() + " were rated more " + w.flagged() + " than the others most of the time"
                    + (w.churn() ? ", and few of them were green." : ".");
            case WEAK -> auc != null && auc >= PREDICTIVE_AUC && w.churn()
                    ? "The score ranks accounts well, but too many accounts that went on to churn were green"
                    + " beforehand: a CS team watching red and yellow would have missed them."
                    : "The score predicts which accounts will " + w.verb() + " only weakly: better than a coin"
                    + " toss, not well enough to rely on alone.";
            case NOT_PREDICTIVE -> auc != null && auc < 0.5
                    ? "The score points the wrong way: accounts that went on to " + w.verb() + " were rated less "
                    + w.flagged() + " than the others more often than not."
                    : "The score does not predict which accounts will " + w.verb() + ": it ranks them little"
                    + " better than a coin toss.";
            case INCONCLUSIVE -> "Too few rows to judge: a verdict needs at least " + MIN_CLASS_ROWS + " rows that "
                    + w.did() + " and " + MIN_CLASS_ROWS + " that did not; this evaluation has "
                    + Numbers.count(positives(r)) + " and " + Numbers.count(negatives(r)) + ".";
        };
    }

    private static long positives(EvaluationReport r) {
        return r.counts() == null ? 0 : r.counts().positives();
    }

    private static long negatives(EvaluationReport r) {
        return r.counts() == null ? 0 : r.counts().rows() - r.counts().positives();
    }

    private static String symbol(Verdict verdict) {
        if (verdict == null) {
            return "?";
        }
        return switch (verdict) {
            case PREDICTIVE -> "✓";
            case WEAK -> "~";
            case NOT_PREDICTIVE -> "✗";
            case INCONCLUSIVE -> "?";
        };
    }

    private static String name(Verdict verdict) {
        if (verdict == null) {
            return Numbers.NA;
        }
        return switch (verdict) {
            case PREDICTIVE -> "Predictive";
            case WEAK -> "Weak";
            case NOT_PREDICTIVE -> "Not predictive";
            case INCONCLUSIVE -> "Inconclusive";
        };
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
