package org.healthscore.service.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.healthscore.api.problem.FieldError;
import org.healthscore.service.problem.ApiException;

/**
 * Checks a request body against the rules on its api record and refuses it with a 422 naming each
 * field by its dotted path ({@code aggregation.windowDays}, {@code tags[2]}). The services call it,
 * so REST and GraphQL refuse the same things the same way.
 */
public final class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** Returns {@code body} when it keeps every rule; a missing body is a 400. */
    public <T> T check(T body) {
        if (body == null) {
            throw ApiException.badRequest("body", "is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(path(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
                    .toList();
            throw ApiException.invalid(errors);
        }
        return body;
    }

    static String path(Path propertyPath) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
