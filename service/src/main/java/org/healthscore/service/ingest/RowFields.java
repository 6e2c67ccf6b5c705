package org.healthscore.service.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads typed values out of one bulk row, recording a row error (line, field, reason) for each
 * value that is missing or malformed and answering null for it. CSV cells are text, JSON values
 * may be numbers or text: both are accepted where they mean the same.
 */
public final class RowFields {

    private final BulkRow row;
    private final RowErrors errors;
    private final String prefix;
    private boolean failed;

    public RowFields(BulkRow row, RowErrors errors) {
        this(row, errors, "");
    }

    private RowFields(BulkRow row, RowErrors errors, String prefix) {
        this.row = row;
        this.errors = errors;
        this.prefix = prefix;
    }

    public long line() {
        return row.line();
    }

    /** True when any read of this row failed. */
    public boolean failed() {
        return failed;
    }

    /** Records an error against a field of this row. */
    public void reject(String field, String reason) {
        failed = true;
        errors.add(row.line(), prefix + field, reason);
    }

    /** Refuses fields this kind of row does not have. */
    public void onlyKnown(Set<String> known) {
        for (Iterator<String> names = row.fields().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(name, "is not a known field; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** Text, trimmed; null when absent or blank (and an error when required). */
    public String text(String field, boolean required, int maxLength) {
        JsonNode node = row.fields().get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            reject(field, "must be text");
            return null;
        }
        String text = node.asText().strip();
        if (!org.healthscore.service.validation.UnicodeText.isWellFormed(text)) {
            reject(field, org.healthscore.service.validation.UnicodeText.RULE);
            return null;
        }
        if (text.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** A finite number. */
    public Double number(String field, boolean required) {
        JsonNode node = row.fields().get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            Double parsed = parseNumber(node.asText().strip());
            if (parsed == null) {
                reject(field, "must be a number");
                return null;
            }
            value = parsed;
        } else {
            reject(field, "must be a number");
            return null;
        }
        if (!Double.isFinite(value)) {
            reject(field, "must be a finite number (not NaN or Infinity)");
            return null;
        }
        return value;
    }

    /** A decimal amount of at most 16 integer digits and 2 decimals. */
    public BigDecimal amount(String field) {
        Double number = number(field, false);
        if (number == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(row.fields().get(field).asText().strip()).stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
        if (amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
            reject(field, "must have at most 16 digits and 2 decimals");
            return null;
        }
        return amount;
    }

    /** Plain decimal text ({@code 12}, {@code -0.5}, {@code 1e3}); not Java's {@code 12d} or {@code 0x1p3}. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The number a text cell holds, or null when it is not plain decimal notation. */
    public static Double parseNumber(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value + 0.0 : null; // + 0.0 turns -0 into 0: stored values have no sign of zero
    }

    /** Dates the service accepts: a customer's history, not the calendar's edges (MySQL stops at 9999). */
    static final int FIRST_YEAR = org.healthscore.service.json.CalendarDates.FIRST_YEAR;
    static final int LAST_YEAR = org.healthscore.service.json.CalendarDates.LAST_YEAR;

    private boolean inRange(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            reject(field, "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR);
            return false;
        }
        return true;
    }

    /** A timestamp: ISO-8601 with zone or offset ({@code 2026-01-31T10:00:00Z}), or a date meaning its start, UTC. */
    public Instant instant(String field, boolean required) {
        String text = text(field, required, 64);
        if (text == null) {
            return null;
        }
        Instant known = errors.instants().get(text);
        if (known != null) {
            return known;
        }
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return inRange(field, at.atOffset(ZoneOffset.UTC).getYear()) ? errors.instants().remember(text, at) : null;
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(text);
                return inRange(field, day.getYear())
                        ? errors.instants().remember(text, day.atStartOfDay().toInstant(ZoneOffset.UTC)) : null;
            } catch (DateTimeParseException again) {
                reject(field, "must be an ISO-8601 timestamp with offset (2026-01-31T10:00:00Z) or a date (2026-01-31)");
                return null;
            }
        }
    }

    /** A calendar date, {@code 2026-01-31}. */
    public LocalDate date(String field, boolean required) {
        String text = text(field, required, 32);
        if (text == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            return inRange(field, day.getYear()) ? day : null;
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 date such as 2026-01-31");
            return null;
        }
    }

    /** One of an enum's constants, exactly. */
    public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
        String text = text(field, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            reject(field, "must be one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    /** Every field of the row. */
    public java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields() {
        return row.fields().fields();
    }

    /** The raw node, for nested values such as attributes. */
    public JsonNode node(String field) {
        return row.fields().get(field);
    }
}
