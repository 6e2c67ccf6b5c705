package org.healthscore.service.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.Map;
import org.healthscore.api.metric.Metric;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.metric.MetricStatus;
import org.healthscore.service.catalog.MetricFilter;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;

/** Catalog queries and mutations: thin adapters over {@link MetricService}, like the REST resource. */
final class CatalogFetchers {

    private final MetricService metrics;
    private final ObjectMapper json;

    CatalogFetchers(MetricService metrics, ObjectMapper json) {
        this.metrics = metrics;
        this.json = json;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("metric", this::metric)
                .dataFetcher("metrics", this::metrics)
                .dataFetcher("metricRevisions", this::revisions));
        wiring.type("Mutation", type -> type
                .dataFetcher("createMetric", env -> metrics.create(GraphQLCalls.caller(env), input(env)))
                .dataFetcher("updateMetric", env -> metrics.update(GraphQLCalls.caller(env), env.getArgument("key"),
                        env.getArgument("expectedRevision"), input(env)))
                .dataFetcher("deleteMetric", env -> {
                    String key = env.getArgument("key");
                    int revision = metrics.delete(GraphQLCalls.caller(env), key, env.getArgument("expectedRevision"));
                    return Map.of("key", key, "revision", revision);
                }));
    }

    private Metric metric(DataFetchingEnvironment env) {
        try {
            return metrics.get(GraphQLCalls.caller(env), env.getArgument("key"));
        } catch (ApiException e) {
            if (e.kind() == org.healthscore.service.problem.ProblemKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private Object metrics(DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        MetricFilter parsed = filter == null ? MetricFilter.ALL : new MetricFilter(
                (String) filter.get("dimension"),
                filter.get("status") == null ? null : MetricStatus.valueOf((String) filter.get("status")),
                (String) filter.get("tag"));
        PageRequest page = PageRequest.fromGraphQL(env.getArgument("first"), env.getArgument("after"));
        return Connections.of(metrics.list(GraphQLCalls.caller(env), parsed, page), MetricService::cursorOf);
    }

    private Object revisions(DataFetchingEnvironment env) {
        PageRequest page = PageRequest.fromGraphQL(env.getArgument("first"), env.getArgument("after"));
        return Connections.of(metrics.revisions(GraphQLCalls.caller(env), env.getArgument("key"), page),
                MetricService::cursorOf);
    }

    private MetricInput input(DataFetchingEnvironment env) {
        return json.convertValue(env.getArgument("input"), MetricInput.class);
    }
}
