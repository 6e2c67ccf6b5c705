package org.healthscore.service.problem;

import java.util.List;
import org.healthscore.api.problem.FieldError;

/**
 * A refusal the caller can act on, raised by the services and turned into problem+json by REST
 * and into an error with {@code extensions.code} by GraphQL.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemKind kind;
    private final transient List<FieldError> errors;

    public ApiException(ProblemKind kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public ApiException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(ProblemKind.MALFORMED, "The request is malformed: " + field + " " + reason,
                List.of(new FieldError(field, reason)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        String first = errors.isEmpty() ? "" : ": " + errors.get(0).field() + " " + errors.get(0).reason()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new ApiException(ProblemKind.VALIDATION, "The request breaks a rule" + first, errors);
    }

    public static ApiException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemKind.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemKind.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemKind.FORBIDDEN, detail);
    }

    public static ApiException unauthenticated(String detail) {
        return new ApiException(ProblemKind.UNAUTHENTICATED, detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemKind.PRECONDITION_FAILED, detail);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(ProblemKind.PRECONDITION_REQUIRED, detail);
    }
}
