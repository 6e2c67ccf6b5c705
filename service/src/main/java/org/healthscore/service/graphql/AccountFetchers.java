package org.healthscore.service.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.account.Account;
import org.healthscore.api.account.AccountInput;
import org.healthscore.api.account.Observation;
import org.healthscore.api.account.Outcome;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.healthscore.service.auth.Caller;
import java.time.LocalDate;
import org.healthscore.api.health.AccountHealth;
import org.healthscore.api.key.Role;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.health.HealthService;
import org.healthscore.api.page.Page;
import org.healthscore.service.accounts.AccountService;
import org.healthscore.service.ingest.BulkFormat;
import org.healthscore.service.ingest.IngestService;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;

/** Accounts, observations and outcomes over GraphQL: adapters over the services REST uses. */
final class AccountFetchers {

    private final AccountService accounts;
    private final IngestService ingest;
    private final HealthService health;
    private final MetricService metrics;
    private final ObjectMapper json;

    AccountFetchers(AccountService accounts, IngestService ingest, HealthService health, MetricService metrics,
                    ObjectMapper json) {
        this.accounts = accounts;
        this.ingest = ingest;
        this.health = health;
        this.metrics = metrics;
        this.json = json;
    }

    static final String OUTCOMES = "outcomes";
    static final String HEALTH = "health";
    static final String METRICS = "metrics";

    /** This request's loaders: a page of accounts with their outcomes costs two statements, not one per account. */
    void register(DataLoaderRegistry registry, Caller caller) {
        registry.register(OUTCOMES, DataLoaderFactory.newMappedDataLoader((Set<String> externalIds) ->
                CompletableFuture.completedFuture(accounts.outcomesOf(caller, externalIds))));
        // Health of a page of accounts: grouped by the arguments asked, each group scored in one batch.
        registry.register(HEALTH, DataLoaderFactory.newMappedDataLoader((Set<HealthKey> keys) -> {
            Map<HealthKey, Object> out = new java.util.HashMap<>();
            keys.stream().collect(java.util.stream.Collectors.groupingBy(HealthKey::arguments)).forEach((args, group) -> {
                Map<String, HealthService.Outcome> scored = health.score(caller,
                        group.stream().map(HealthKey::account).toList(), args.scorecard(), args.version(), args.asOf());
                group.forEach(k -> {
                    HealthService.Outcome o = scored.get(k.account());
                    out.put(k, o.error() != null ? o.error() : o.health());
                });
            });
            return CompletableFuture.completedFuture(out);
        }));
        registry.register(METRICS, DataLoaderFactory.newMappedDataLoader((Set<String> keys) ->
                CompletableFuture.completedFuture(metrics.byKeys(caller.workspace(Role.READER), keys))));
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("account", this::account)
                .dataFetcher("accounts", this::accounts));
        wiring.type("Mutation", type -> type
                .dataFetcher("upsertAccount", this::upsert)
                .dataFetcher("recordObservations", env -> ingest.observations(GraphQLCalls.caller(env),
                        BulkFormat.JSON, rows(env.getArgument("observations"))).observations())
                .dataFetcher("recordOutcomes", env -> ingest.outcomes(GraphQLCalls.caller(env),
                        BulkFormat.JSON, rows(env.getArgument("outcomes"))).outcomes()));
        wiring.type("Account", type -> type
                .dataFetcher("attributes", env -> ((Account) env.getSource()).attributes().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList())
                .dataFetcher("observations", this::observations)
                .dataFetcher("outcomes", env -> env.<String, List<Outcome>>getDataLoader(OUTCOMES)
                        .load(((Account) env.getSource()).externalId()))
                .dataFetcher("health", this::health)
                .dataFetcher("history", env -> health.history(GraphQLCalls.caller(env),
                        ((Account) env.getSource()).externalId(), env.getArgument("scorecard"),
                        env.getArgument("from"), env.getArgument("to"))));
        wiring.type("MeasureHealth", type -> type
                .dataFetcher("metric", env -> env.<String, Object>getDataLoader(METRICS)
                        .load(((AccountHealth.MeasureHealth) env.getSource()).metric())));
    }

    /** A loader key: the account, and the arguments its health was asked with. */
    record HealthKey(String account, HealthArguments arguments) {
    }

    record HealthArguments(String scorecard, Integer version, LocalDate asOf) {
    }

    private Object health(DataFetchingEnvironment env) {
        Account account = env.getSource();
        Integer version = env.getArgument("version");
        if (version != null && version < 1) {
            // As REST's ?version=: versions count from 1 (0 used to answer an empty health).
            throw ApiException.badRequest("version", "must be a whole number of 1 or more");
        }
        HealthArguments args = new HealthArguments(env.getArgument("scorecard"), version, env.getArgument("asOf"));
        return env.<HealthKey, Object>getDataLoader(HEALTH).load(new HealthKey(account.externalId(), args))
                .thenApply(result -> {
                    if (result instanceof ApiException refusal) {
                        throw refusal;
                    }
                    return result;
                });
    }

    private Account account(DataFetchingEnvironment env) {
        try {
            return accounts.get(GraphQLCalls.caller(env), env.getArgument("externalId"));
        } catch (ApiException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private Object accounts(DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        PageRequest page = PageRequest.fromGraphQL(env.getArgument("first"), env.getArgument("after"));
        return Connections.of(accounts.list(GraphQLCalls.caller(env),
                filter == null ? null : (String) filter.get("segment"),
                filter == null ? null : (String) filter.get("productLine"),
                filter == null ? null : (String) filter.get("scorecard"),
                filter == null || filter.get("band") == null ? null : String.valueOf(filter.get("band")), page),
                AccountService::cursorOf);
    }

    private Object observations(DataFetchingEnvironment env) {
        Account account = env.getSource();
        PageRequest page = PageRequest.fromGraphQL(env.getArgument("first"), env.getArgument("after"));
        Page<Observation> result = accounts.observations(GraphQLCalls.caller(env), account.externalId(),
                env.getArgument("metric"), (Instant) env.getArgument("from"), (Instant) env.getArgument("to"), page);
        return Connections.of(result, AccountService::cursorOf);
    }

    private Account upsert(DataFetchingEnvironment env) {
        Map<String, Object> input = new LinkedHashMap<>(env.getArgument("input"));
        Object attributes = input.remove("attributes");
        if (attributes instanceof List<?> pairs) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object pair : pairs) {
                Map<?, ?> p = (Map<?, ?>) pair;
                map.put(String.valueOf(p.get("name")), p.get("value"));
            }
            input.put("attributes", map);
        }
        AccountInput parsed = json.convertValue(input, AccountInput.class);
        return accounts.put(GraphQLCalls.caller(env), env.getArgument("externalId"), parsed).account();
    }

    /** GraphQL lists arrive parsed; the bulk path reads them as a JSON array so the rules are the same. */
    private ByteArrayInputStream rows(List<Map<String, Object>> rows) {
        try {
            return new ByteArrayInputStream(json.writeValueAsBytes(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
