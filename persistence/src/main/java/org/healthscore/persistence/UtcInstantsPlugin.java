package org.healthscore.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Stores every {@link Instant} as a UTC wall-clock {@code DATETIME} and reads it back the same way.
 * The JDBC defaults go through {@code java.sql.Timestamp}, which H2 converts with the JVM's time
 * zone: during a daylight-saving fall-back hour two instants would collapse into one.
 * Values are bound as text ({@code 2026-01-31 23:59:59.123}): MariaDB announces itself to
 * Connector/J as version 5.5.5, so the driver drops the milliseconds of temporal parameters.
 */
public final class UtcInstantsPlugin extends JdbiPlugin.Singleton {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> read(rs, column));
    }

    /** A {@code DATETIME} column holding a UTC wall-clock time, as an instant; {@code null} for SQL NULL. */
    public static Instant read(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {

        private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

        InstantArgumentFactory() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            String utc = TEXT.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            return (position, statement, ctx) -> statement.setString(position, utc);
        }
    }
}
