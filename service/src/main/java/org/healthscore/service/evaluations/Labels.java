package org.healthscore.service.evaluations;

import java.time.LocalDate;
import java.util.List;

/** Who is in an evaluation's rows at an asOf, and their label (DESIGN.md 3.6). */
final class Labels {

    private Labels() {
    }

    /** Started on or before {@code asOf} (when the start is known) and not churned on or before it. */
    static boolean active(LocalDate startDate, List<LocalDate> churnDates, LocalDate asOf) {
        if (startDate != null && startDate.isAfter(asOf)) {
            return false;
        }
        for (LocalDate churned : churnDates) {
            if (!churned.isAfter(asOf)) {
                return false;
            }
        }
        return true;
    }

    /** The first outcome date in {@code (asOf, asOf + horizonDays]}, or null: the row's label is y = 1 when there is one. */
    static LocalDate firstInHorizon(List<LocalDate> outcomeDates, LocalDate asOf, int horizonDays) {
        LocalDate end = asOf.plusDays(horizonDays);
        LocalDate first = null;
        for (LocalDate d : outcomeDates) {
            if (d.isAfter(asOf) && !d.isAfter(end) && (first == null || d.isBefore(first))) {
                first = d;
            }
        }
        return first;
    }
}
