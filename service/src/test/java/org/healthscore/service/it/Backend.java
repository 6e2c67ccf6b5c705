package org.healthscore.service.it;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.healthscore.service.HealthScoreApplication;
import org.healthscore.service.HealthScoreConfiguration;

/**
 * The databases the integration tests run on: embedded H2 (MySQL mode) always, and the
 * MySQL-protocol server named by {@code HEALTHSCORE_TEST_MYSQL_URL} when set. One application per
 * backend per JVM, started on first use; tests isolate themselves by creating their own workspaces.
 */
public enum Backend {
    H2, MYSQL;

    public static final String MYSQL_URL = "HEALTHSCORE_TEST_MYSQL_URL";
    public static final String BOOTSTRAP = "test-bootstrap-secret-0123456789abcdef";

    private DropwizardTestSupport<HealthScoreConfiguration> app;

    /** The JDBC URL of this backend, or empty when it is not available on this machine. */
    public Optional<String> jdbcUrl() {
        if (this == H2) {
            return Optional.of("jdbc:h2:mem:it-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        }
        String url = System.getenv(MYSQL_URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(url + (url.contains("?") ? "&" : "?")
                + "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true");
    }

    public String user() {
        return this == H2 ? "sa" : env("HEALTHSCORE_TEST_MYSQL_USER", "root");
    }

    public String password() {
        return this == H2 ? "" : env("HEALTHSCORE_TEST_MYSQL_PASSWORD", "");
    }

    public String driver() {
        return this == H2 ? "org.h2.Driver" : "com.mysql.cj.jdbc.Driver";
    }

    /** The running application for this backend, started on first use. */
    public synchronized DropwizardTestSupport<HealthScoreConfiguration> app() {
        if (app == null) {
            app = start(List.of());
            DropwizardTestSupport<HealthScoreConfiguration> started = app;
            Runtime.getRuntime().addShutdownHook(new Thread(started::after));
        }
        return app;
    }

    /** A separate application on this backend with extra configuration; the caller stops it. */
    public DropwizardTestSupport<HealthScoreConfiguration> start(List<ConfigOverride> extra) {
        return start(jdbcUrl().orElseThrow(() -> new IllegalStateException(this + " is not available")), extra);
    }

    /** A separate application on a database another one used (H2's in-memory ones differ per start). */
    public DropwizardTestSupport<HealthScoreConfiguration> start(String url, List<ConfigOverride> extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", url),
                ConfigOverride.config("database.driverClass", driver()),
                ConfigOverride.config("database.user", user()),
                ConfigOverride.config("database.password", password())));
        overrides.addAll(extra);
        DropwizardTestSupport<HealthScoreConfiguration> started = new DropwizardTestSupport<>(
                HealthScoreApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides.toArray(ConfigOverride[]::new));
        try {
            started.before();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the application on " + this, e);
        }
        return started;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
