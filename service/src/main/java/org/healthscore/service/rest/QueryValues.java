package org.healthscore.service.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.healthscore.service.problem.ApiException;

/** Query parameters arrive as text; a malformed one is a 400 naming it. */
final class QueryValues {

    private QueryValues() {
    }

    static Integer positiveInt(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest(field, "must be a whole number of 1 or more");
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "must be an ISO-8601 date such as 2026-01-31");
        }
        if (!org.healthscore.service.json.CalendarDates.inRange(day)) {
            throw ApiException.badRequest(field, org.healthscore.service.json.CalendarDates.RANGE);
        }
        return day;
    }
}
