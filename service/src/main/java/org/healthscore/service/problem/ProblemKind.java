package org.healthscore.service.problem;

/**
 * Every kind of error the service answers, with its HTTP status, its problem type and title,
 * and the {@code extensions.code} GraphQL reports for it.
 */
public enum ProblemKind {
    MALFORMED(400, "malformed-request", "Malformed request", "VALIDATION"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required", "UNAUTHENTICATED"),
    FORBIDDEN(403, "forbidden", "Forbidden", "FORBIDDEN"),
    NOT_FOUND(404, "not-found", "Not found", "NOT_FOUND"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "VALIDATION"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "VALIDATION"),
    CONFLICT(409, "conflict", "Conflict", "CONFLICT"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed", "PRECONDITION_FAILED"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large", "VALIDATION"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", "VALIDATION"),
    VALIDATION(422, "validation", "Validation failed", "VALIDATION"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required", "PRECONDITION_REQUIRED"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests", "RATE_LIMITED"),
    INTERNAL(500, "internal", "Internal error", "INTERNAL"),
    UNAVAILABLE(503, "unavailable", "Service unavailable", "UNAVAILABLE");

    private static final String TYPE_PREFIX = "urn:healthscore:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String graphqlCode;

    ProblemKind(int status, String slug, String title, String graphqlCode) {
        this.status = status;
        this.type = TYPE_PREFIX + slug;
        this.title = title;
        this.graphqlCode = graphqlCode;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String graphqlCode() {
        return graphqlCode;
    }

    /** The kind for a bare HTTP status (errors raised by Jersey or Jetty), INTERNAL when unknown. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status >= 400 && status < 500 ? MALFORMED : INTERNAL;
    }
}
