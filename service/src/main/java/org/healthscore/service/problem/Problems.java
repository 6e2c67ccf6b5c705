package org.healthscore.service.problem;

import java.util.List;
import org.healthscore.api.problem.FieldError;
import org.healthscore.api.problem.Problem;

/** Builds problem documents from service refusals and bare statuses. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(ApiException e) {
        return of(e.kind(), e.getMessage(), e.errors());
    }

    public static Problem of(ProblemKind kind, String detail, List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, errors);
    }

    public static Problem of(ProblemKind kind, String detail) {
        return of(kind, detail, List.of());
    }

    /** The first {@link ApiException} in a cause chain, if any: a refusal wrapped by a library on its way out. */
    public static ApiException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
