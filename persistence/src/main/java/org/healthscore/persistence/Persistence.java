package org.healthscore.persistence;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Sets up a Jdbi for this project's DAOs: SqlObject support and UTC timestamps. */
public final class Persistence {

    private Persistence() {
    }

    /** Threads whose statements are not counted: they poll on their own schedule, not for a request. */
    public static final String BACKGROUND_THREAD_PREFIX = "job-worker";

    private static final java.util.concurrent.atomic.AtomicLong STATEMENTS = new java.util.concurrent.atomic.AtomicLong();

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new UtcInstantsPlugin());
        // Counts statements made for requests (background job workers aside), so tests can show that a
        // page of N accounts costs the same number as a page of 1.
        org.jdbi.v3.core.statement.SqlLogger previous = jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class)
                .getSqlLogger();
        jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext context) {
                if (!Thread.currentThread().getName().startsWith(BACKGROUND_THREAD_PREFIX)) {
                    STATEMENTS.incrementAndGet();
                }
                previous.logBeforeExecution(context);
            }

            @Override
            public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                previous.logAfterExecution(context);
            }

            @Override
            public void logException(org.jdbi.v3.core.statement.StatementContext context, java.sql.SQLException ex) {
                previous.logException(context, ex);
            }
        });
        return jdbi;
    }

    /** How many SQL statements this JVM's Jdbi instances have executed (a monotonic counter). */
    public static long statementsExecuted() {
        return STATEMENTS.get();
    }
}
