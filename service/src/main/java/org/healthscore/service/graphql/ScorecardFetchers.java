package org.healthscore.service.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.key.Role;
import org.healthscore.api.scorecard.Framework;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardInput;
import org.healthscore.api.scorecard.ScoringRuleSpec;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.scorecards.Frameworks;
import org.healthscore.service.scorecards.ScorecardService;

/**
 * Scorecards and framework templates over GraphQL: thin adapters over {@link ScorecardService},
 * like the REST resource. Inputs are turned into the REST body ({@link ScorecardInput}) with the
 * service's strict mapper, so both refuse the same things naming the same field paths.
 */
final class ScorecardFetchers {

    private final ScorecardService scorecards;
    private final Frameworks frameworks;
    private final ObjectMapper json;

    ScorecardFetchers(ScorecardService scorecards, Frameworks frameworks, ObjectMapper json) {
        this.scorecards = scorecards;
        this.frameworks = frameworks;
        this.json = json;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("frameworks", env -> {
                    GraphQLCalls.caller(env).workspace(Role.READER);
                    return frameworks.all();
                })
                .dataFetcher("scorecard", env -> orNull(() -> scorecards.get(GraphQLCalls.caller(env),
                        env.getArgument("key"))))
                .dataFetcher("scorecards", this::list)
                .dataFetcher("scorecardVersion", env -> orNull(() -> scorecards.version(GraphQLCalls.caller(env),
                        env.getArgument("key"), env.<Integer>getArgument("version")))));
        wiring.type("Mutation", type -> type
                .dataFetcher("createScorecard", env -> scorecards.create(GraphQLCalls.caller(env), input(env)))
                .dataFetcher("createScorecardFromFramework", this::fromFramework)
                .dataFetcher("updateScorecardDraft", env -> scorecards.updateDraft(GraphQLCalls.caller(env),
                        env.getArgument("key"), env.getArgument("expectedRevision"), input(env)))
                .dataFetcher("publishScorecard", env -> scorecards.publish(GraphQLCalls.caller(env),
                        env.getArgument("key"))));
        wiring.type("ScoringRule", type -> type
                .dataFetcher("type", env -> typeOf(env.getSource())));
    }

    private Object list(DataFetchingEnvironment env) {
        PageRequest page = PageRequest.fromGraphQL(env.getArgument("first"), env.getArgument("after"));
        return Connections.of(scorecards.list(GraphQLCalls.caller(env), page), ScorecardService::cursorOf);
    }

    private Scorecard fromFramework(DataFetchingEnvironment env) {
        Framework framework = Framework.valueOf(env.getArgument("framework"));
        ScorecardInput input = new ScorecardInput(env.getArgument("key"), env.getArgument("name"), null, null, null,
                null, null, null, framework);
        try {
            return scorecards.create(GraphQLCalls.caller(env), input);
        } catch (ApiException e) {
            // The service names REST's body field; here the argument is called framework.
            if (e.kind() == ProblemKind.VALIDATION && e.errors().size() == 1
                    && "fromFramework".equals(e.errors().get(0).field())) {
                throw ApiException.invalid("framework", e.errors().get(0).reason());
            }
            throw e;
        }
    }

    /** The GraphQL input as the REST body: null rule fields dropped, so a rule has only its own fields. */
    private ScorecardInput input(DataFetchingEnvironment env) {
        Map<String, Object> input = new LinkedHashMap<>(env.getArgument("input"));
        if (input.get("measures") instanceof List<?> measures) {
            List<Object> copied = new ArrayList<>();
            for (Object measure : measures) {
                if (measure instanceof Map<?, ?> m && m.get("scoring") instanceof Map<?, ?> scoring) {
                    Map<Object, Object> rule = new LinkedHashMap<>();
                    scoring.forEach((k, v) -> {
                        if (v != null) {
                            rule.put(k, v);
                        }
                    });
                    Map<Object, Object> withRule = new LinkedHashMap<>(m);
                    withRule.put("scoring", rule);
                    copied.add(withRule);
                } else {
                    copied.add(measure);
                }
            }
            input.put("measures", copied);
        }
        return json.convertValue(input, ScorecardInput.class);
    }

    private static String typeOf(ScoringRuleSpec rule) {
        if (rule instanceof ScoringRuleSpec.Linear) {
            return "LINEAR";
        }
        if (rule instanceof ScoringRuleSpec.Thresholds) {
            return "THRESHOLDS";
        }
        if (rule instanceof ScoringRuleSpec.BooleanRule) {
            return "BOOLEAN";
        }
        return "PERCENTILE";
    }

    /** A read of something absent is null, as GraphQL lookups answer; other refusals stay errors. */
    private static <T> T orNull(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
