package org.healthscore.service.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.accounts.AccountService;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.health.HealthService;
import org.healthscore.service.scorecards.Frameworks;
import org.healthscore.service.jobs.JobService;
import org.healthscore.service.evaluations.EvaluationService;
import org.healthscore.service.scorecards.ScorecardService;
import org.healthscore.service.ingest.IngestService;
import org.healthscore.service.config.GraphQLFactory;

/**
 * The schema-first GraphQL engine: the SDL file wired to the same services REST uses, with limits
 * on operations, aliases, depth and complexity. One instance serves every request; each execution gets its own context
 * (the caller) and its own DataLoader registry.
 */
public final class GraphQLEngine {

    static final String SCHEMA = "graphql/schema.graphqls";

    private final GraphQL graphql;
    private final AccountFetchers accountFetchers;

    public GraphQLEngine(MetricService metrics, AccountService accounts, IngestService ingest, HealthService health,
                         ScorecardService scorecards, Frameworks frameworks, JobService jobs,
                         EvaluationService evaluations, ObjectMapper json,
                         GraphQLFactory limits) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().scalar(DateTimeScalar.TYPE)
                .scalar(DateScalar.TYPE);
        new CatalogFetchers(metrics, json).wire(wiring);
        this.accountFetchers = new AccountFetchers(accounts, ingest, health, metrics, json);
        accountFetchers.wire(wiring);
        new ScorecardFetchers(scorecards, frameworks, json).wire(wiring);
        new JobFetchers(jobs, json).wire(wiring);
        new EvaluationFetchers(evaluations, json).wire(wiring);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl()),
                wiring.build());
        this.graphql = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new ProblemExceptionHandler())
                .instrumentation(new ChainedInstrumentation(List.of(
                        new DocumentLimits(limits.getMaxOperations(), limits.getMaxAliases()),
                        new DepthLimit(limits.getMaxDepth()),
                        new ComplexityLimit(limits.getMaxComplexity()))))
                .build();
    }

    /** Runs one request for {@code caller}; the answer is the GraphQL response document. */
    public Map<String, Object> execute(Caller caller, String query, String operationName,
                                       Map<String, Object> variables) {
        DataLoaderRegistry loaders = new DataLoaderRegistry();
        accountFetchers.register(loaders, caller);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(query)
                .operationName(operationName)
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(Caller.class, caller))
                .dataLoaderRegistry(loaders)
                .build();
        ExecutionResult result = graphql.execute(input);
        return withCodes(result).toSpecification();
    }

    /** A document for a request refused before execution (no or bad credentials). */
    public static Map<String, Object> refusal(String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        return Map.of("errors", List.of(error));
    }

    /** Gives every error an {@code extensions.code}: syntax, validation and limit errors come without one. */
    private static ExecutionResult withCodes(ExecutionResult result) {
        if (result.getErrors().isEmpty()
                || result.getErrors().stream().allMatch(e -> e.getExtensions() != null
                && e.getExtensions().containsKey("code"))) {
            return result;
        }
        List<GraphQLError> errors = result.getErrors().stream().map(e -> {
            if (e.getExtensions() != null && e.getExtensions().containsKey("code")) {
                return e;
            }
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (e.getExtensions() != null) {
                extensions.putAll(e.getExtensions());
            }
            extensions.put("code", "VALIDATION");
            extensions.put("classification", String.valueOf(e.getErrorType()));
            return (GraphQLError) GraphqlErrorBuilder.newError().message(e.getMessage())
                    .locations(e.getLocations()).path(e.getPath()).extensions(extensions).build();
        }).toList();
        return result.transform(b -> b.errors(errors));
    }

    private static String sdl() {
        try (InputStream in = GraphQLEngine.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
