package org.healthscore.service.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthscore.api.job.RecomputeRequest;
import org.healthscore.service.jobs.JobService;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;

/** Re-scoring jobs over GraphQL: adapters over {@link JobService}, like the REST resource. */
final class JobFetchers {

    private final JobService jobs;
    private final ObjectMapper json;

    JobFetchers(JobService jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("job", env -> {
                    try {
                        return jobs.get(GraphQLCalls.caller(env), env.getArgument("id"));
                    } catch (ApiException e) {
                        if (e.kind() == ProblemKind.NOT_FOUND) {
                            return null;
                        }
                        throw e;
                    }
                })
                .dataFetcher("jobs", env -> Connections.of(jobs.list(GraphQLCalls.caller(env),
                        PageRequest.fromGraphQL(env.getArgument("first"), env.getArgument("after"))),
                        JobService::cursorOf)));
        wiring.type("Mutation", type -> type
                .dataFetcher("startRecompute", env -> {
                    Map<String, Object> input = new LinkedHashMap<>(env.getArgument("input"));
                    input.replaceAll((k, v) -> v instanceof java.time.LocalDate d ? d.toString() : v);
                    return jobs.startRecompute(GraphQLCalls.caller(env),
                            json.convertValue(input, RecomputeRequest.class), env.getArgument("idempotencyKey"));
                })
                .dataFetcher("cancelJob", env -> jobs.cancel(GraphQLCalls.caller(env), env.getArgument("id"))));
    }
}
