package org.healthscore.service;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.dropwizard.forms.MultiPartBundle;
import org.healthscore.service.cli.DemoCommand;
import org.healthscore.service.cli.RecomputeCommand;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.healthscore.persistence.Persistence;
import org.healthscore.persistence.SchemaMigrator;
import org.healthscore.service.auth.ApiKeyAuthenticator;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.auth.ProblemUnauthorizedHandler;
import org.healthscore.service.config.CorsFactory;
import org.healthscore.service.config.RateLimitFactory;
import org.healthscore.service.demo.DemoStoryOnStart;
import org.healthscore.service.demo.DemoWorkspace;
import org.healthscore.service.graphql.GraphQLEngine;
import org.healthscore.service.graphql.GraphQLResource;
import org.healthscore.service.json.ApiJson;
import org.healthscore.service.rest.AccountResource;
import org.healthscore.service.rest.AuditResource;
import org.healthscore.service.rest.ImportResource;
import org.healthscore.service.rest.ObservationResource;
import org.healthscore.service.rest.CatalogResource;
import org.healthscore.service.rest.KeyResource;
import org.healthscore.service.rest.MetricResource;
import org.healthscore.service.rest.OpenApiResource;
import org.healthscore.service.rest.ScoreResource;
import org.healthscore.service.rest.EvaluationResource;
import org.healthscore.service.rest.JobResource;
import org.healthscore.service.jobs.JobWorkersHealthCheck;
import org.healthscore.service.rest.ScorecardResource;
import org.healthscore.service.rest.WorkspaceResource;
import org.healthscore.service.rest.errors.ApiExceptionMapper;
import org.healthscore.service.rest.errors.JsonProblemMapper;
import org.healthscore.service.rest.errors.ThrowableMapper;
import org.healthscore.service.rest.errors.WebApplicationExceptionMapper;
import org.healthscore.service.rest.filters.BodySizeLimitFilter;
import org.healthscore.service.rest.filters.RateLimitFilter;
import org.healthscore.service.validation.RequestValidator;
import org.healthscore.service.web.ProblemErrorHandler;
import org.healthscore.service.web.MissingAssetFilter;
import org.jdbi.v3.core.Jdbi;

/** Wires configuration, database, services, REST, GraphQL and the docs UIs into one Dropwizard application. */
public class HealthScoreApplication extends Application<HealthScoreConfiguration> {

    /** URI path to classpath folder of the static pages: Swagger UI, GraphiQL and their webjars. */
    private static final Map<String, String> ASSETS = Map.of(
            "/docs", "/assets/docs",
            "/graphiql", "/assets/graphiql",
            "/webjars", "/META-INF/resources/webjars");

    public static void main(String[] args) throws Exception {
        new HealthScoreApplication().run(args);
    }

    @Override
    public String getName() {
        return "health-score";
    }

    @Override
    public void initialize(Bootstrap<HealthScoreConfiguration> bootstrap) {
        // ${VAR} and ${VAR:-default} in configuration files; an undefined variable without a default fails start-up.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(HealthScoreConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrator.CHANGELOG;
            }
        });
        bootstrap.addCommand(new RecomputeCommand());
        bootstrap.addCommand(new DemoCommand());
        bootstrap.addBundle(new MultiPartBundle());
        bootstrap.addBundle(new AssetsBundle(ASSETS.get("/docs"), "/docs", "index.html", "docs"));
        bootstrap.addBundle(new AssetsBundle(ASSETS.get("/graphiql"), "/graphiql", "index.html", "graphiql"));
        bootstrap.addBundle(new AssetsBundle(ASSETS.get("/webjars"), "/webjars", null, "webjars"));
    }

    @Override
    public void run(HealthScoreConfiguration config, Environment environment) {
        ObjectMapper json = ApiJson.configure(environment.getObjectMapper());
        // Millisecond ticks: what the database keeps (DATETIME(3)), so an answer equals its read-back.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

        ManagedDataSource dataSource = config.getDatabase().build(environment.metrics(), "database");
        if (config.isMigrateOnStart()) {
            SchemaMigrator.migrate(dataSource);
        }
        Jdbi jdbi = Persistence.configure(new JdbiFactory().build(environment, config.getDatabase(), dataSource,
                "database"));

        RequestValidator validator = new RequestValidator(environment.getValidator());
        Services services = Services.build(jdbi, config.getJobs(), validator, json, clock, environment.metrics());

        registerErrors(config, environment);
        registerAuth(config, environment, jdbi);
        environment.jersey().register(new BodySizeLimitFilter(config.getLimits().getMaxBodySize().toBytes(),
                config.getLimits().getMaxBulkBodySize().toBytes()));
        RateLimitFactory rateLimit = config.getLimits().getRateLimit();
        if (rateLimit.isEnabled()) {
            environment.jersey().register(new RateLimitFilter(rateLimit.getRequestsPerSecond(), rateLimit.getBurst(),
                    environment.metrics().meter(MetricRegistry.name(RateLimitFilter.class, "refused"))));
        }
        environment.jersey().register(new WorkspaceResource(services.workspaces()));
        environment.jersey().register(new KeyResource(services.keys()));
        environment.jersey().register(new MetricResource(services.metrics()));
        environment.jersey().register(new CatalogResource(services.metrics()));
        environment.jersey().register(new AuditResource(services.audit()));
        environment.jersey().register(new AccountResource(services.accounts(), services.ingest(), services.health()));
        environment.jersey().register(new ScoreResource(services.health()));
        environment.jersey().register(new ObservationResource(services.ingest()));
        environment.jersey().register(new ImportResource(services.wideImport(), json));
        environment.jersey().register(new ScorecardResource(services.scorecards(), services.frameworks()));
        environment.jersey().register(new JobResource(services.jobs()));
        environment.jersey().register(new EvaluationResource(services.evaluations()));
        environment.jersey().register(new GraphQLResource(new GraphQLEngine(services.metrics(), services.accounts(),
                services.ingest(), services.health(), services.scorecards(), services.frameworks(), services.jobs(),
                services.evaluations(),
                json, config.getGraphql())));
        environment.jersey().register(new OpenApiResource());
        environment.lifecycle().manage(services.workers());
        environment.healthChecks().register("jobs", new JobWorkersHealthCheck(services.workers(),
                Duration.ofSeconds(config.getJobs().getLeaseSeconds() * 5L)));
        registerCors(config.getCors(), environment);

        if (config.getDemo().isEnabled()) {
            new DemoWorkspace(jdbi, services.keys(), services.metrics(), services.scorecards(), services.ingest(), clock)
                    .ensure(config.getDemo());
            if (config.getDemo().isLoadOnStart()) {
                loadDemoStoryAfterStart(new DemoStoryOnStart(jdbi, services, config.getDemo(), clock), environment);
            }
        }
    }

    private static void loadDemoStoryAfterStart(DemoStoryOnStart loader, Environment environment) {
        environment.lifecycle().manage(loader);
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(Server server) {
                loader.serverStarted(getLocalPort(server));
            }
        });
    }

    private static void registerErrors(HealthScoreConfiguration config, Environment environment) {
        // Dropwizard's mappers answer in their own shapes; ours answer problem+json for everything.
        if (config.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
            // Jetty's gzip rewrites ETags ("3" becomes "3--gzip"); versioned resources promise ETag "<revision>".
            server.getGzipFilterFactory().setEnabled(false);
        }
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new JsonProblemMapper());
        environment.jersey().register(new ThrowableMapper());
        environment.servlets().addFilter("missing-assets", new MissingAssetFilter(ASSETS))
                .addMappingForUrlPatterns(null, false, ASSETS.keySet().stream().map(p -> p + "/*")
                        .toArray(String[]::new));
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new ProblemErrorHandler());
                }
            }
        });
    }

    private static void registerAuth(HealthScoreConfiguration config, Environment environment, Jdbi jdbi) {
        environment.jersey().register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<Caller>()
                .setAuthenticator(new ApiKeyAuthenticator(jdbi, config.getAuth().getBootstrapSecret()))
                .setPrefix("Bearer")
                .setRealm("healthscore")
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .buildAuthFilter()));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    }

    private static void registerCors(CorsFactory cors, Environment environment) {
        if (cors.getAllowedOrigins().isEmpty()) {
            return;
        }
        CrossOriginHandler handler = new CrossOriginHandler();
        handler.setAllowedOriginPatterns(cors.getAllowedOrigins().stream().map(Pattern::quote)
                .collect(Collectors.toSet()));
        handler.setAllowedMethods(Set.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        handler.setAllowedHeaders(Set.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match",
                "Idempotency-Key"));
        handler.setExposedHeaders(Set.of("ETag", "Location"));
        // Keys travel in the Authorization header, not cookies: credentialed requests are not needed.
        handler.setAllowCredentials(false);
        handler.setPreflightMaxAge(Duration.ofSeconds(cors.getMaxAgeSeconds()));
        environment.getApplicationContext().insertHandler(handler);
    }

}
