package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.db.DataSourceFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one workspace has stored, read straight from the test database: per table, the row count
 * and a hash over every column of every row. Two equal checksums mean a request changed nothing
 * the workspace owns, whatever the API would show. {@code audit_event} is left out: it records
 * successful writes by design and is checked through the API by the tests that care.
 */
final class StoredChecksum {

    /** Every table that holds a workspace's data, by its {@code workspace_id} column. */
    static final List<String> TABLES = List.of("workspace", "api_key", "metric", "metric_tag", "metric_revision",
            "account", "observation", "outcome", "scorecard", "scorecard_version", "scorecard_metric",
            "score_snapshot", "job", "job_chunk", "evaluation", "evaluation_row");
    private static final List<String> LEFT_OUT = List.of("audit_event");

    private StoredChecksum() {
    }

    /** Table -> "rows:hash" for {@code workspaceId}; equal maps mean nothing of it changed. */
    static Map<String, String> of(Api api, String workspaceId) {
        try (Connection c = connect(api)) {
            Map<String, String> sums = new TreeMap<>();
            for (String table : TABLES) {
                String column = table.equals("workspace") ? "id" : "workspace_id";
                sums.put(table, table(c, "SELECT * FROM " + table + " WHERE " + column + " = ?", workspaceId));
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the test database", e);
        }
    }

    /** How many workspaces exist at all: a refused POST /workspaces must not add one. */
    static long workspaces(Api api) {
        try (Connection c = connect(api); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM workspace");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the test database", e);
        }
    }

    /** Fails when a table with a workspace_id column is neither checksummed nor left out on purpose. */
    static void assertEveryWorkspaceTableCovered(Api api) {
        try (Connection c = connect(api)) {
            DatabaseMetaData meta = c.getMetaData();
            TreeSet<String> owned = new TreeSet<>();
            try (ResultSet columns = meta.getColumns(c.getCatalog(), null, "%", "%")) {
                while (columns.next()) {
                    if ("workspace_id".equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                        owned.add(columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            List<String> known = new ArrayList<>(TABLES);
            known.addAll(LEFT_OUT);
            assertThat(known).as("tables with a workspace_id column must be checksummed (or left out on purpose)")
                    .containsAll(owned);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the test database", e);
        }
    }

    private static String table(Connection c, String sql, String workspaceId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, workspaceId);
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(r.getString(i)).append('\u0001');
                    }
                    rows.add(row.toString());
                }
            }
        }
        // Row order is whatever the database returns; sorting makes the hash depend on content only.
        rows.sort(null);
        MessageDigest sha = sha256();
        rows.forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
        return rows.size() + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static Connection connect(Api api) throws SQLException {
        DataSourceFactory db = api.backend.app().getConfiguration().getDatabase();
        return DriverManager.getConnection(db.getUrl(), db.getUser(), db.getPassword());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
