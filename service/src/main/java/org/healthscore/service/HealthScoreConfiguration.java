package org.healthscore.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.healthscore.service.config.AuthFactory;
import org.healthscore.service.config.CorsFactory;
import org.healthscore.service.config.DemoFactory;
import org.healthscore.service.config.GraphQLFactory;
import org.healthscore.service.config.LimitsFactory;

public class HealthScoreConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    /** Apply the Liquibase changelog at start-up; {@code db migrate} does the same on demand. */
    private boolean migrateOnStart = true;

    @Valid
    @NotNull
    private AuthFactory auth = new AuthFactory();

    @Valid
    @NotNull
    private CorsFactory cors = new CorsFactory();

    @Valid
    @NotNull
    private LimitsFactory limits = new LimitsFactory();

    @Valid
    @NotNull
    private GraphQLFactory graphql = new GraphQLFactory();

    @Valid
    @NotNull
    private DemoFactory demo = new DemoFactory();

    @Valid
    @NotNull
    private org.healthscore.service.config.JobsFactory jobs = new org.healthscore.service.config.JobsFactory();

    @JsonProperty
    public org.healthscore.service.config.JobsFactory getJobs() {
        return jobs;
    }

    @JsonProperty
    public void setJobs(org.healthscore.service.config.JobsFactory jobs) {
        this.jobs = jobs;
    }

    @JsonProperty
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public AuthFactory getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthFactory auth) {
        this.auth = auth;
    }

    @JsonProperty
    public CorsFactory getCors() {
        return cors;
    }

    @JsonProperty
    public void setCors(CorsFactory cors) {
        this.cors = cors;
    }

    @JsonProperty
    public LimitsFactory getLimits() {
        return limits;
    }

    @JsonProperty
    public void setLimits(LimitsFactory limits) {
        this.limits = limits;
    }

    @JsonProperty
    public GraphQLFactory getGraphql() {
        return graphql;
    }

    @JsonProperty
    public void setGraphql(GraphQLFactory graphql) {
        this.graphql = graphql;
    }

    @JsonProperty
    public DemoFactory getDemo() {
        return demo;
    }

    @JsonProperty
    public void setDemo(DemoFactory demo) {
        this.demo = demo;
    }
}
