package org.healthscore.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One broken rule inside a request: a dotted path to the field ({@code aggregation.windowDays}),
 * why it was refused, and for bulk bodies the line it came from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String reason, Long line) {

    public FieldError(String field, String reason) {
        this(field, reason, null);
    }
}
