package org.healthscore.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.healthscore.persistence.workspace.WorkspaceDao;
import org.healthscore.persistence.workspace.WorkspaceRow;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The one changelog applies to a file database, and applying it again is a no-op (STACK.md trap 1);
 * the same on the MySQL-protocol server when one is configured.
 */
class SchemaMigratorTest {

    private static final List<String> TABLES = List.of("workspace", "api_key", "metric", "metric_tag",
            "metric_revision", "audit_event");

    @Test
    void migratesAnH2FileDatabaseTwice() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "migration-" + UUID.randomUUID()));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";MODE=MySQL";
        migrateTwiceAndUse(Jdbi.create(url, "sa", ""), url, "sa", "");
    }

    @Test
    void migratesTheMySqlDatabaseTwice() throws Exception {
        String url = System.getenv("HEALTHSCORE_TEST_MYSQL_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but HEALTHSCORE_TEST_MYSQL_URL is not set");
            }
            System.err.println("!!! MySQL migration test SKIPPED: set HEALTHSCORE_TEST_MYSQL_URL to run it");
            Assumptions.abort("no MySQL-protocol server configured");
        }
        String full = url + (url.contains("?") ? "&" : "?") + "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
        String user = Optional.ofNullable(System.getenv("HEALTHSCORE_TEST_MYSQL_USER")).orElse("root");
        String password = Optional.ofNullable(System.getenv("HEALTHSCORE_TEST_MYSQL_PASSWORD")).orElse("");
        migrateTwiceAndUse(Jdbi.create(full, user, password), full, user, password);
        try (Connection c = DriverManager.getConnection(full, user, password);
             ResultSet rs = c.createStatement().executeQuery("SELECT table_name, table_collation FROM"
                     + " information_schema.tables WHERE table_schema = DATABASE()")) {
            while (rs.next()) {
                if (TABLES.contains(rs.getString(1))) {
                    assertThat(rs.getString(2)).as("collation of " + rs.getString(1)).isEqualTo("utf8mb4_bin");
                }
            }
        }
    }

    private static void migrateTwiceAndUse(Jdbi raw, String url, String user, String password) throws SQLException {
        javax.sql.DataSource ds = dataSource(url, user, password);
        SchemaMigrator.migrate(ds);
        SchemaMigrator.migrate(ds);
        Jdbi jdbi = Persistence.configure(raw);
        String id = Ids.newPublicId();
        Instant at = Instant.parse("2026-03-08T07:30:00.123Z");
        jdbi.useExtension(WorkspaceDao.class, dao -> dao.insert(new WorkspaceRow(id, "Ünïcode ws", at)));
        WorkspaceRow back = jdbi.withExtension(WorkspaceDao.class, dao -> dao.find(id)).orElseThrow();
        assertThat(back.createdAt()).isEqualTo(at);
        assertThat(back.name()).isEqualTo("Ünïcode ws");
        try (Connection c = ds.getConnection()) {
            for (String table : TABLES) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    assertThat(rs.next()).as(table).isTrue();
                }
            }
        }
    }

    private static javax.sql.DataSource dataSource(String url, String user, String password) {
        return new javax.sql.DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return DriverManager.getConnection(url, user, password);
            }

            @Override
            public Connection getConnection(String u, String p) throws SQLException {
                return DriverManager.getConnection(url, u, p);
            }

            @Override
            public java.io.PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(java.io.PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public java.util.logging.Logger getParentLogger() {
                return java.util.logging.Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
