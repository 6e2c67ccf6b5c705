package org.healthscore.service.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.healthscore.api.problem.FieldError;
import org.healthscore.service.problem.ApiException;

/**
 * Which audit events to list: one {@code action} (such as {@code metric.updated}), or every action
 * of one {@code kind} (the part before the first dot: {@code metric}, {@code key}, ...), in the
 * time range [from, to). Text from the query string, checked here; a bad value is a 422 naming it.
 */
public record AuditQuery(String action, String kind, Instant from, Instant to) {

    /** The first word of every action the service records. */
    public static final Set<String> KINDS = Set.of("workspace", "key", "metric", "scorecard", "account",
            "accounts", "observations", "outcomes", "import", "recompute", "evaluation", "job");

    private static final Pattern ACTION = Pattern.compile("^[a-z]+(\\.[a-z]+)+$");

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

    public static AuditQuery parse(String action, String kind, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        if (action != null && !ACTION.matcher(action).matches()) {
            errors.add(new FieldError("action", "must be an action name such as metric.updated"));
        }
        if (kind != null && !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be one of " + KINDS.stream().sorted().toList()));
        }
        if (action != null && kind != null) {
            errors.add(new FieldError("kind", "give either action or kind, not both"));
        }
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new AuditQuery(action, kind, start, end);
    }

    /** The LIKE pattern for {@link #kind}, or null. */
    public String actionPrefix() {
        return kind == null ? null : kind + ".%";
    }

    private static Instant instant(String field, String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 UTC instant such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }
}
