package org.healthscore.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Applies the project's one Liquibase changelog to a database. */
public final class SchemaMigrator {

    public static final String CHANGELOG = "db/changelog.xml";

    private SchemaMigrator() {
    }

    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                @SuppressWarnings("deprecation")
                Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(
                        SchemaMigrator.class.getClassLoader()), database);
                liquibase.update("");
            } finally {
                // Liquibase leaves autoCommit off; a pooled connection must go back as it came.
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }
}
