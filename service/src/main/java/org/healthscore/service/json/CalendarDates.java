package org.healthscore.service.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The calendar dates the service accepts: a customer's history, not the calendar's edges. Date
 * arithmetic near {@link LocalDate#MAX} overflows (a 500), and MySQL stores years up to 9999 only.
 * Bulk rows, query parameters, JSON bodies and GraphQL all hold dates to this one range; JSON
 * values are read strictly here and their range is checked where the request is (422).
 */
public final class CalendarDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    public static final String RANGE = "must be a date between the years " + FIRST_YEAR + " and " + LAST_YEAR;

    private CalendarDates() {
    }

    public static boolean inRange(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    /** A date of a JSON body: readable, so outside the range it breaks a rule (422), as bulk rows do. */
    public static void require(String field, LocalDate day) {
        if (day != null && !inRange(day)) {
            throw org.healthscore.service.problem.ApiException.invalid(field, RANGE);
        }
    }

    /**
     * JSON timestamps as ISO-8601 text with an offset only. The stock
     * deserializer also reads a number, or numeric text, as seconds since 1970.
     */
    static final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

        StrictInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText().strip();
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "must be an ISO-8601 timestamp with offset such as 2026-01-31T10:00:00Z");
            }
            return at.toInstant();
        }
    }

    /**
     * JSON dates as ISO-8601 text only. The stock deserializer also reads
     * {@code []} as null and {@code [2026, 1, 31]} as a date, which a client never means.
     */
    static final class StrictDeserializer extends StdScalarDeserializer<LocalDate> {

        StrictDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText().strip();
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                        "must be an ISO-8601 date such as 2026-01-31");
            }
            return day;
        }
    }
}
