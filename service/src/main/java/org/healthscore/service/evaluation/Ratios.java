package org.healthscore.service.evaluation;

/**
 * The report never carries NaN or Infinity (DESIGN.md 3.6: an undefined statistic is null), so every division
 * that can be undefined goes through here.
 */
final class Ratios {

    private Ratios() {
    }

    /** {@code a / b}, null when {@code b} is 0. */
    static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }

    /** {@code a / b}, null when either is null, {@code b} is 0 or the result is not finite. */
    static Double ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) {
            return null;
        }
        return finite(a / b);
    }

    /** The value, or null when it is NaN or infinite. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
