package org.healthscore.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.healthscore.api.evaluation.EvaluationReport.Candidate;
import org.healthscore.api.evaluation.EvaluationReport.Comparison;
import org.healthscore.api.evaluation.EvaluationReport.MeasureStat;
import org.healthscore.api.evaluation.EvaluationReport.Red;
import org.healthscore.api.evaluation.EvaluationReport.RedundantPair;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.evaluation.Verdict;

/**
 * The report's findings (DESIGN.md 3.6): plain sentences, each with the numbers behind it, in the order a
 * reader asks: what was measured, the verdict, how well the score ranks, the false greens, which measures help
 * or hurt, what to change (weights, bands) and what that would gain. Wording follows the outcome ("churned" /
 * "expanded"). The horizon is not part of the core's input, so sentences say "before churning" without a
 * number of days. Numbers are formatted with {@link Locale#ROOT}, so the text is the same on every machine.
 */
final class Findings {

    /** Everything the sentences quote. {@code bands} is null for EXPANSION (no band suggestion). */
    record Facts(EvaluationDesign design, long rows, long accounts, int asOfDates, long positives, Double baseRate,
                 long insufficient, int censoredAsOfDates, Auc.Result auc, Verdict verdict, long falseGreens,
                 Double falseGreenShare, Red red, List<MeasureStat> measures, List<RedundantPair> pairs,
                 List<Candidate> candidates, WeightSuggestion.Result weights, BandSuggestion bands,
                 Double suggestedFalseGreenShare) {
    }

    private final Facts f;
    private final boolean churn;
    /** "churned" / "expanded", "churning" / "expanding", "churn" / "expand". */
    private final String did;
    private final String doing;
    private final String verb;

    private Findings(Facts facts) {
        this.f = facts;
        this.churn = facts.design().outcome() == OutcomeKind.CHURN;
        this.did = churn ? "churned" : "expanded";
        this.doing = churn ? "churning" : "expanding";
        this.verb = churn ? "churn" : "expand";
    }

    static List<String> of(Facts facts) {
        return new Findings(facts).sentences();
    }

    private List<String> sentences() {
        List<String> out = new ArrayList<>();
        data(out);
        if (f.rows() == 0) {
            return out;
        }
        verdict(out);
        auc(out);
        falseGreens(out);
        measures(out);
        weights(out);
        bands(out);
        return out;
    }

    private void data(List<String> out) {
        if (f.rows() == 0) {
            out.add("No scored rows: there is nothing to evaluate.");
        } else {
            out.add(String.format(Locale.ROOT, "%,d scored rows from %,d accounts over %d asOf date%s; %,d of them %s"
                            + " (base rate %s).", f.rows(), f.accounts(), f.asOfDates(), f.asOfDates() == 1 ? "" : "s",
                    f.positives(), did, percent(f.baseRate())));
        }
        if (f.insufficient() > 0) {
            out.add(String.format(Locale.ROOT, "%,d row%s had too little data to be scored (INSUFFICIENT_DATA): counted,"
                    + " not scored.", f.insufficient(), f.insufficient() == 1 ? "" : "s"));
        }
        if (f.censoredAsOfDates() > 0) {
            out.add(String.format(Locale.ROOT, "%d asOf date%s left out: %s horizon runs past the date outcomes are"
                            + " known through.", f.censoredAsOfDates(), f.censoredAsOfDates() == 1 ? " was" : "s were",
                    f.censoredAsOfDates() == 1 ? "its" : "their"));
        }
    }

    private void verdict(List<String> out) {
        long negatives = f.rows() - f.positives();
        Double auc = f.auc().value();
        switch (f.verdict()) {
            case INCONCLUSIVE -> out.add(String.format(Locale.ROOT, "Inconclusive: %,d %s and %,d other rows; a verdict"
                    + " needs at least %d of each.", f.positives(), did, negatives, Verdicts.MIN_CLASS_ROWS));
            case PREDICTIVE -> out.add(String.format(Locale.ROOT, "Predictive: AUC %s (at least %s) and %s of %s rows"
                            + " green (at most %s).", auc(auc), auc(Verdicts.PREDICTIVE_AUC), percent(f.falseGreenShare()),
                    did, percent(Verdicts.MAX_FALSE_GREEN_SHARE)));
            case WEAK -> out.add(auc >= Verdicts.PREDICTIVE_AUC
                    ? String.format(Locale.ROOT, "Weak: AUC %s would be predictive, but %s of %s rows were green (more"
                            + " than %s).", auc(auc), percent(f.falseGreenShare()), did,
                    percent(Verdicts.MAX_FALSE_GREEN_SHARE))
                    : String.format(Locale.ROOT, "Weak: AUC %s is at least %s but below %s.", auc(auc),
                    auc(Verdicts.WEAK_AUC), auc(Verdicts.PREDICTIVE_AUC)));
            case NOT_PREDICTIVE -> out.add(String.format(Locale.ROOT, "Not predictive: AUC %s is below %s.", auc(auc),
                    auc(Verdicts.WEAK_AUC)));
        }
    }

    private void auc(List<String> out) {
        Auc.Result auc = f.auc();
        if (auc.value() == null) {
            out.add(String.format(Locale.ROOT, "AUC undefined: %s scored row %s.", f.positives() == 0 ? "no" : "every",
                    did));
            return;
        }
        String sense = churn ? "lower" : "higher";
        if (auc.low() == null) {
            out.add(String.format(Locale.ROOT, "AUC %s: a row that %s scored %s than one that did not %s %s of the time"
                            + " (no interval: it needs at least 2 accounts).", auc(auc.value()), did, sense, verb,
                    percent(auc.value())));
            return;
        }
        out.add(String.format(Locale.ROOT, "AUC %s (95%% interval %s-%s, accounts as clusters): a row that %s scored %s"
                        + " than one that did not %s %s of the time.", auc(auc.value()), auc(auc.low()), auc(auc.high()),
                did, sense, verb, percent(auc.value())));
        if (auc.low() <= 0.5 && auc.high() >= 0.5) {
            out.add(String.format(Locale.ROOT, "The interval %s-%s includes 0.5: this could be chance.",
                    auc(auc.low()), auc(auc.high())));
        }
    }

    private void falseGreens(List<String> out) {
        if (f.positives() == 0) {
            return;
        }
        out.add(String.format(Locale.ROOT, "%s of %s rows (%,d of %,d) were green before %s%s.",
                capitalized(percent(f.falseGreenShare())), did, f.falseGreens(), f.positives(), doing,
                churn ? ": false greens" : ""));
        Red red = f.red();
        if (red.precision() != null && red.recall() != null) {
            out.add(String.format(Locale.ROOT, "%s of red rows %s (precision); red rows hold %s of the %s rows"
                    + " (recall).", capitalized(percent(red.precision())), did, percent(red.recall()), did));
        }
    }

    private void measures(List<String> out) {
        for (MeasureStat m : f.measures()) {
            if (Boolean.TRUE.equals(m.wrongWay())) {
                out.add(String.format(Locale.ROOT, "%s points the wrong way: its AUC is %s, below 0.5 (higher %s"
                        + " scores went with %s).", m.metric(), belowHalf(m.auc()), m.metric(),
                        churn ? "more churn" : "less expansion"));
            }
        }
        for (RedundantPair pair : f.pairs()) {
            out.add(String.format(Locale.ROOT, "%s and %s are redundant: Spearman rho %s (|rho| at least %s); one of"
                    + " them may be enough.", pair.a(), pair.b(), signed(pair.rho()), auc(Spearman.REDUNDANT)));
        }
        if (!f.candidates().isEmpty() && f.candidates().get(0).auc() != null) {
            Candidate best = f.candidates().get(0);
            out.add(String.format(Locale.ROOT, "Best candidate metric not in the scorecard: %s, AUC %s on its own.",
                    best.metric(), auc(best.auc())));
        }
    }

    private void weights(List<String> out) {
        WeightSuggestion.Result w = f.weights();
        List<String> metrics = f.design().metrics();
        if (metrics.isEmpty()) {
            return;
        }
        if (w.fit() == null) {
            out.add(String.format(Locale.ROOT, "No weights suggested: the fit needs both rows that %s and rows that did"
                    + " not.", did));
        } else if (w.suggested() == null) {
            out.add(String.format(Locale.ROOT, "No weights suggested: every fitted coefficient is 0, so no measure"
                    + " adds signal in the intended direction (a higher score meaning %s).",
                    churn ? "less churn" : "more expansion"));
        } else {
            List<String> parts = new ArrayList<>();
            List<String> zero = new ArrayList<>();
            for (int j = 0; j < metrics.size(); j++) {
                parts.add(String.format(Locale.ROOT, "%s %s (now %s)", metrics.get(j), number(w.suggested()[j], 1),
                        number(f.design().weights().get(j), 2)));
                if (w.fit().atBound()[j]) {
                    zero.add(metrics.get(j));
                }
            }
            out.add("Suggested weights: " + String.join(", ", parts) + ".");
            if (!zero.isEmpty()) {
                out.add(String.join(", ", zero) + (zero.size() == 1 ? " gets" : " get") + " weight 0: constrained to"
                        + " point the intended way, the fit gives " + (zero.size() == 1 ? "it" : "them")
                        + " nothing to add.");
            }
        }
        Comparison cv = w.weights().cvAuc();
        if (cv.current() != null && cv.suggested() != null) {
            out.add(String.format(Locale.ROOT, "Cross-validated AUC (5 folds by account): %s with the current weights,"
                    + " %s with the suggested ones (%s).", auc3(cv.current()), auc3(cv.suggested()),
                    signed3(cv.suggested() - cv.current())));
        }
        Comparison forward = w.weights().forwardAuc();
        if (forward != null && w.forward() != null && forward.current() != null) {
            String fitted = String.format(Locale.ROOT, "fitted on the earliest %d asOf dates, tested on the %d later",
                    w.forward().fitDates(), w.forward().testDates());
            out.add(forward.suggested() != null
                    ? String.format(Locale.ROOT, "Forward check (%s): AUC %s with the current weights, %s with the"
                    + " suggested ones (%s).", fitted, auc3(forward.current()), auc3(forward.suggested()),
                    signed3(forward.suggested() - forward.current()))
                    : String.format(Locale.ROOT, "Forward check (%s): AUC %s with the current weights; no weights"
                    + " could be fitted on the earlier dates.", fitted, auc3(forward.current())));
        } else if (forward == null && f.asOfDates() < 3) {
            out.add(String.format(Locale.ROOT, "No forward check: it needs at least 3 asOf dates, the rows have %d.",
                    f.asOfDates()));
        }
    }

    private void bands(List<String> out) {
        BandSuggestion b = f.bands();
        if (b == null) {
            return;
        }
        String red = number(f.design().redBelow(), 2);
        String green = number(f.design().greenFrom(), 2);
        if (f.positives() == 0) {
            out.add(String.format(Locale.ROOT, "No bands suggested: with no %s rows there is no base rate to compare"
                    + " with; keeping red below %s and green from %s.", did, red, green));
            return;
        }
        if (!b.greenFound()) {
            out.add(String.format(Locale.ROOT, "No greenFrom qualified (the rows scoring at or above it must hold at"
                    + " least 10%% of rows at no more than half the base rate, %s): keeping %s.",
                    percent(f.baseRate() / 2), green));
        }
        if (!b.redFound()) {
            out.add(String.format(Locale.ROOT, "No redBelow qualified (the rows scoring below it must hold at least 5%%"
                    + " of rows at no less than twice the base rate, %s): keeping %s%s.",
                    percent(f.baseRate() * 2), red, b.redLowered()
                            ? ", lowered to " + number(b.redBelow(), 2) + " so it does not exceed greenFrom" : ""));
        }
        if (b.greenFound() || b.redFound()) {
            out.add(String.format(Locale.ROOT, "Suggested bands: red below %s, green from %s (now %s and %s); %s of"
                            + " %s rows would be green (now %s).", number(b.redBelow(), 2), number(b.greenFrom(), 2),
                    red, green, percent(f.suggestedFalseGreenShare()), did, percent(f.falseGreenShare())));
        }
    }

    private static String auc(Double value) {
        return value == null ? "undefined" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Comparisons of weights differ in the third decimal often enough to show it. */
    private static String auc3(Double value) {
        return value == null ? "undefined" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String signed3(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }

    /** An AUC below 0.5, with as many decimals (up to 4) as it takes not to read as 0.50. */
    static String belowHalf(double value) {
        for (int decimals = 2; decimals <= 4; decimals++) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (Double.parseDouble(s) < 0.5) {
                return s;
            }
        }
        return "just below 0.5";
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    /** A share as a percentage: whole percents, one decimal below 10%, so small shares do not read as 0%. */
    static String percent(Double share) {
        if (share == null) {
            return "undefined";
        }
        double p = share * 100;
        if (p != 0 && Math.abs(p) < 10 && Math.round(p) != p) {
            return String.format(Locale.ROOT, "%.1f%%", p);
        }
        return String.format(Locale.ROOT, "%.0f%%", p);
    }

    /** A threshold or weight without a needless ".0", to at most {@code decimals} decimals. */
    static String number(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s.equals("-0") ? "0" : s;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
