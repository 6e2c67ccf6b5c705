package org.healthscore.service.reports;

import java.util.Locale;
import org.healthscore.api.evaluation.EvaluationReport;

/**
 * Numbers as people read them, the same on every machine ({@link Locale#ROOT}): AUC 0.71 [0.63-0.79], 38%,
 * 1,234, lift 2.1×. An undefined value (null) is {@value #NA}; the sentence saying why is the caller's
 * ({@link Why}).
 */
final class Numbers {

    static final String NA = "n/a";

    private Numbers() {
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String auc(Double value) {
        return value == null ? NA : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Comparisons of weights often differ only in the third decimal. */
    static String auc3(Double value) {
        return value == null ? NA : String.format(Locale.ROOT, "%.3f", value);
    }

    /** "0.71 [0.63-0.79]"; without an interval, the value alone. */
    static String aucWithInterval(EvaluationReport.Auc auc) {
        if (auc == null || auc.value() == null) {
            return NA;
        }
        if (auc.low() == null || auc.high() == null) {
            return auc(auc.value());
        }
        return auc(auc.value()) + " [" + auc(auc.low()) + "-" + auc(auc.high()) + "]";
    }

    /** A share as a percentage: whole percents, one decimal below 10% so small shares do not read as 0%. */
    static String percent(Double share) {
        if (share == null) {
            return NA;
        }
        double p = share * 100;
        if (p != 0 && Math.abs(p) < 10 && Math.round(p) != p) {
            return String.format(Locale.ROOT, "%.1f%%", p);
        }
        return String.format(Locale.ROOT, "%.0f%%", p);
    }

    static String lift(Double lift) {
        return lift == null ? NA : String.format(Locale.ROOT, "%.1f×", lift);
    }

    /** A score, a threshold or a weight without a needless ".0", to at most {@code decimals} decimals. */
    static String number(Double value, int decimals) {
        if (value == null) {
            return NA;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s.equals("-0") ? "0" : s;
    }

    /** A coordinate in an SVG: two decimals are finer than any screen or printer. */
    static String coordinate(double value) {
        return number(value, 2);
    }
}
