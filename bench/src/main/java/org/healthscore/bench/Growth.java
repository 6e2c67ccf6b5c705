package org.healthscore.bench;

import java.util.List;

/**
 * Whether a workload's cost grows linearly with its size: the cost of one unit at the largest size against the
 * smallest. Within a factor of 1.5 either way counts as linear, since runs on a shared machine vary that much;
 * cheaper per unit is fixed costs spread over more units; dearer per unit is worse than linear.
 */
final class Growth {
    static final double TOLERANCE = 1.5;

    private Growth() {
    }

    /** The per-unit cost of the largest size over that of the smallest; NaN with fewer than two sizes. */
    static double perUnitRatio(List<Measurement> sizes) {
        List<Measurement> costed = sizes.stream().filter(m -> !Double.isNaN(m.costPerUnit())).toList();
        if (costed.size() < 2) {
            return Double.NaN;
        }
        Measurement smallest = costed.stream().min((a, b) -> Long.compare(a.units(), b.units())).orElseThrow();
        Measurement largest = costed.stream().max((a, b) -> Long.compare(a.units(), b.units())).orElseThrow();
        return largest.units() == smallest.units() ? Double.NaN : largest.costPerUnit() / smallest.costPerUnit();
    }

    static String verdict(double perUnitRatio) {
        if (Double.isNaN(perUnitRatio)) {
            return "one size only";
        }
        if (perUnitRatio > TOLERANCE) {
            return "worse than linear";
        }
        return perUnitRatio < 1 / TOLERANCE ? "better than linear (fixed costs spread over more units)" : "linear";
    }
}
