package org.healthscore.persistence.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.healthscore.persistence.UtcInstantsPlugin;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * An observation as scoring reads it: no workspace column, which scoring scans do not need to decode, and
 * the instant as UTC epoch milliseconds, which is what the scoring core takes.
 */
public record ObservationPoint(long accountId, long metricId, long epochMillis, double rawValue) {

    /**
     * Maps {@code account_id, metric_id, observed_at, raw_value}, in that order. Written by hand: a
     * re-scoring job reads every observation of its accounts through it, and the reflective constructor
     * mapper cost several times the JDBC reads themselves.
     */
    public static final class Mapper implements RowMapper<ObservationPoint> {

        @Override
        public ObservationPoint map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ObservationPoint(rs.getLong(1), rs.getLong(2), UtcInstantsPlugin.read(rs, 3).toEpochMilli(),
                    rs.getDouble(4));
        }
    }
}
