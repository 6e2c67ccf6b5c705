package org.healthscore.service.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;

/**
 * Tells a lost or unreachable database apart from other faults: no connection could be had (pool
 * timeout, refused connect) or one broke mid-statement. Such a failure is nobody's bug and passes:
 * requests answer 503 with Retry-After, job workers give their chunk back instead of failing the job.
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** True when {@code e} or one of its causes says the database connection is lost or cannot be had. */
    public static boolean is(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 08: connection exception (08S01 is MySQL's communications link failure). */
    private static boolean isConnectionState(String state) {
        return state != null && state.startsWith("08");
    }

    /** The pool gave up waiting for a free connection (tomcat-jdbc's PoolExhaustedException has no SQLState). */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getClass().getSimpleName().equals("PoolExhaustedException");
    }

    /** The refusal REST and GraphQL answer while the database cannot be reached. */
    public static ApiException unavailable() {
        return new ApiException(ProblemKind.UNAVAILABLE, "The database cannot be reached just now; retry after "
                + RETRY_AFTER_SECONDS + " s");
    }
}
