package org.healthscore.service.ingest;

import java.util.ArrayList;
import java.util.List;
import org.healthscore.api.problem.FieldError;
import org.healthscore.service.problem.ApiException;

/**
 * The row errors of one bulk request: line, field and reason, the first 1,000 of them. Any error
 * means nothing of the request is stored; reading stops once the list is full.
 */
public final class RowErrors {

    public static final int MAX = 1000;

    private final List<FieldError> errors = new ArrayList<>();
    private final InstantCache instants = new InstantCache();
    private long total;

    /**
     * Timestamps parsed in this request: bulk rows repeat a few observedAt texts many times, and
     * parsing ISO-8601 is a good share of the cost of a row.
     */
    InstantCache instants() {
        return instants;
    }

    static final class InstantCache extends java.util.LinkedHashMap<String, java.time.Instant> {
        private static final long serialVersionUID = 1L;
        private static final int SIZE = 4096;

        java.time.Instant remember(String text, java.time.Instant instant) {
            put(text, instant);
            return instant;
        }

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, java.time.Instant> eldest) {
            return size() > SIZE;
        }
    }

    public void add(long line, String field, String reason) {
        total++;
        if (errors.size() < MAX) {
            errors.add(new FieldError(field, reason, line));
        }
    }

    public boolean any() {
        return total > 0;
    }

    public boolean full() {
        return errors.size() >= MAX;
    }

    /** The 422 for this request, when it had any bad row. */
    public void throwIfAny() {
        if (total == 0) {
            return;
        }
        // Rows are checked as read and again when their batch is written: list them in line order.
        errors.sort(java.util.Comparator.comparing(FieldError::line));
        FieldError first = errors.get(0);
        String detail = total + (total == 1 ? " row breaks" : " rows break") + " a rule; nothing was stored. First: line "
                + first.line() + ", " + first.field() + " " + first.reason()
                + (total > errors.size() ? " (the first " + errors.size() + " errors are listed)" : "");
        throw new ApiException(org.healthscore.service.problem.ProblemKind.VALIDATION, detail, errors);
    }
}
