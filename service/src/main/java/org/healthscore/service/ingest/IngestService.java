package org.healthscore.service.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.healthscore.api.account.OutcomeType;
import org.healthscore.api.ingest.Counts;
import org.healthscore.api.ingest.IngestSummary;
import org.healthscore.api.key.Role;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.persistence.metric.MetricDao;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.problem.ApiException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk ingestion of accounts, observations and outcomes. Each request is streamed row by row and
 * written in batches inside one transaction: one bad row and the whole request is rolled back,
 * answered with a 422 listing the bad rows (line, field, reason).
 */
public final class IngestService {

    static final Set<String> OBSERVATION_FIELDS = Set.of("account", "metric", "observedAt", "value");
    static final Set<String> OUTCOME_FIELDS = Set.of("account", "type", "occurredAt", "amount");
    static final Set<String> ACCOUNT_FIELDS = Set.of("externalId", "name", "segment", "productLine", "arr", "owner",
            "startDate", "renewalDate", "attributes");
    /** CSV cannot nest: an account's attributes arrive as {@code attributes.<name>} columns. */
    static final String ATTRIBUTE_COLUMN = "attributes.";

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Auditor auditor;
    private final Clock clock;

    public IngestService(Jdbi jdbi, ObjectMapper json, Auditor auditor, Clock clock) {
        this.jdbi = jdbi;
        this.json = json;
        this.auditor = auditor;
        this.clock = clock;
    }

    public IngestSummary observations(Caller caller, BulkFormat format, InputStream body) {
        String workspaceId = caller.workspace(Role.WRITER);
        return inRequest(workspaceId, format, body, List.of("account", "metric", "observedAt", "value"),
                OBSERVATION_FIELDS::contains,
                (handle, reader, errors) -> {
                    Map<String, MetricRef> metrics = metrics(handle, workspaceId);
                    AccountIds accounts = new AccountIds(handle, workspaceId);
                    ObservationWriter writer = new ObservationWriter(handle, workspaceId, accounts, errors, () -> { });
                    reader.forEach(row -> {
                        RowFields f = new RowFields(row, errors);
                        f.onlyKnown(OBSERVATION_FIELDS);
                        String account = f.text("account", true, 200);
                        MetricRef metric = metric(f, "metric", metrics);
                        Instant at = f.instant("observedAt", true);
                        Double value = f.number("value", true);
                        if (metric != null && value != null) {
                            checkValue(f, "value", metric, value);
                        }
                        if (!f.failed()) {
                            writer.add(row.line(), "account", account, metric, at, value);
                        }
                    });
                    Counts counts = writer.finish();
                    return new Done(new IngestSummary(null, counts, null), "observations.ingested", counts.toString());
                }, caller);
    }

    public IngestSummary outcomes(Caller caller, BulkFormat format, InputStream body) {
        String workspaceId = caller.workspace(Role.WRITER);
        return inRequest(workspaceId, format, body, List.of("account", "type", "occurredAt"), OUTCOME_FIELDS::contains,
                (handle, reader, errors) -> {
                    OutcomeWriter writer = new OutcomeWriter(handle, workspaceId, new AccountIds(handle, workspaceId),
                            errors, () -> { });
                    reader.forEach(row -> {
                        RowFields f = new RowFields(row, errors);
                        f.onlyKnown(OUTCOME_FIELDS);
                        String account = f.text("account", true, 200);
                        OutcomeType type = f.choice("type", OutcomeType.class, true);
                        LocalDate on = f.date("occurredAt", true);
                        BigDecimal amount = f.amount("amount");
                        if (!f.failed()) {
                            writer.add(row.line(), "account", account, type, on, amount);
                        }
                    });
                    Counts counts = writer.finish();
                    return new Done(new IngestSummary(null, null, counts), "outcomes.ingested", counts.toString());
                }, caller);
    }

    public IngestSummary accounts(Caller caller, BulkFormat format, InputStream body) {
        String workspaceId = caller.workspace(Role.WRITER);
        return inRequest(workspaceId, format, body, List.of("externalId"),
                name -> ACCOUNT_FIELDS.contains(name) || name.startsWith(ATTRIBUTE_COLUMN), (handle, reader, errors) -> {
            AccountWriter writer = new AccountWriter(handle, workspaceId, new AccountIds(handle, workspaceId), errors,
                    clock);
            reader.forEach(row -> {
                RowFields f = new RowFields(row, errors);
                // Every bulk row names its account (a missing externalId was stored as null: a 500).
                AccountFields fields = accountFields(f, true);
                if (!f.failed()) {
                    writer.add(row.line(), "externalId", fields.externalId, fields::applyTo);
                }
            });
            Counts counts = writer.finish();
            return new Done(new IngestSummary(counts, null, null), "accounts.ingested", counts.toString());
        }, caller);
    }

    /** The work of one bulk request, done inside its transaction. */
    @FunctionalInterface
    interface Work {
        Done run(Handle handle, BulkReader reader, RowErrors errors) throws IOException;
    }

    record Done(IngestSummary summary, String action, String detail) {
    }

    /**
     * Runs {@code work} over the rows of {@code body} in one transaction; refuses the whole request
     * when any row was bad. For CSV the header must name {@code requiredColumns}.
     */
    IngestSummary inRequest(String workspaceId, BulkFormat format, InputStream body, List<String> requiredColumns,
                            java.util.function.Predicate<String> knownColumn, Work work, Caller caller) {
        if (body == null) {
            throw ApiException.badRequest("body", "is required");
        }
        RowErrors errors = new RowErrors();
        return jdbi.inTransaction(handle -> {
            try (BulkReader reader = BulkReader.open(format, body, json, errors)) {
                checkColumns(reader.columns(), requiredColumns, knownColumn);
                Done done = work.run(handle, reader, errors);
                errors.throwIfAny();
                auditor.record(handle, workspaceId, caller, done.action, null, done.detail);
                return done.summary;
            } catch (IOException e) {
                // A body that is not JSON or CSV at all; the error mappers answer it with a 400.
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A CSV header must name the required columns and no unknown ones: said once, at line 1. */
    static void checkColumns(List<String> columns, List<String> required,
                             java.util.function.Predicate<String> knownColumn) {
        if (columns == null) {
            return;
        }
        RowErrors errors = new RowErrors();
        required.stream().filter(c -> !columns.contains(c)).forEach(c -> errors.add(1, c,
                "is a required column; the header has " + String.join(", ", columns)));
        columns.stream().filter(c -> !knownColumn.test(c)).forEach(c -> errors.add(1, c,
                "is not a known column of this kind of row"));
        errors.throwIfAny();
    }

    Map<String, MetricRef> metrics(Handle handle, String workspaceId) {
        Map<String, MetricRef> out = new HashMap<>();
        handle.attach(MetricDao.class).all(workspaceId)
                .forEach(m -> out.put(m.metricKey(), new MetricRef(m.id(), m.metricKey(), m.valueType())));
        return out;
    }

    static MetricRef metric(RowFields f, String field, Map<String, MetricRef> metrics) {
        String key = f.text(field, true, 64);
        if (key == null) {
            return null;
        }
        MetricRef metric = metrics.get(key);
        if (metric == null) {
            f.reject(field, "is not a metric of the catalog ('" + key + "')");
        }
        return metric;
    }

    static void checkValue(RowFields f, String field, MetricRef metric, double value) {
        String reason = ValueRules.check(metric.valueType(), value);
        if (reason != null) {
            f.reject(field, reason);
        }
    }

    /** The fields of an account row (bulk JSON, CSV, or a PUT body). */
    AccountFields accountFields(RowFields f, boolean requireExternalId) {
        Map<String, String> attributes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rowFields(f); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.startsWith(ATTRIBUTE_COLUMN) && name.length() > ATTRIBUTE_COLUMN.length()) {
                if (e.getValue() != null && !e.getValue().isNull() && !e.getValue().asText().isBlank()) {
                    attribute(f, attributes, name.substring(ATTRIBUTE_COLUMN.length()), e.getValue().asText().strip());
                }
            } else if (!ACCOUNT_FIELDS.contains(name)) {
                f.reject(name, "is not a known field; known: " + String.join(", ", ACCOUNT_FIELDS.stream().sorted()
                        .toList()) + ", attributes.<name>");
            }
        }
        JsonNode nested = f.node("attributes");
        if (nested != null && !nested.isNull()) {
            if (!nested.isObject()) {
                f.reject("attributes", "must be an object of text values");
            } else {
                nested.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual() && !e.getValue().isNumber() && !e.getValue().isBoolean()) {
                        f.reject("attributes." + e.getKey(), "must be text");
                    } else {
                        attribute(f, attributes, e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        if (attributes.size() > 100) {
            f.reject("attributes", "must hold at most 100 attributes");
        }
        String externalId = requireExternalId ? f.text("externalId", true, 200) : null;
        AccountFields fields = new AccountFields(externalId, f.text("name", false, 300), f.text("segment", false, 100),
                f.text("productLine", false, 100), arr(f), f.text("owner", false, 200), f.date("startDate", false),
                f.date("renewalDate", false), attributes.isEmpty() ? null : toJson(attributes));
        return fields;
    }

    /** The same rules as PUT: names of 1-100 characters, values of at most 1,000. */
    private static void attribute(RowFields f, Map<String, String> attributes, String name, String value) {
        if (name.isBlank() || name.length() > AccountRules.MAX_ATTRIBUTE_NAME
                || value.length() > AccountRules.MAX_ATTRIBUTE_VALUE) {
            f.reject("attributes." + name, AccountRules.ATTRIBUTE_RULE);
        } else {
            attributes.put(name, value);
        }
    }

    private static Iterator<Map.Entry<String, JsonNode>> rowFields(RowFields f) {
        return f.fields();
    }

    private static BigDecimal arr(RowFields f) {
        BigDecimal arr = f.amount("arr");
        if (arr != null && arr.signum() < 0) {
            f.reject("arr", "must be 0 or more");
            return null;
        }
        return arr;
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account's fields as read from a row; {@link #applyTo} replaces every field of a stored row. */
    record AccountFields(String externalId, String name, String segment, String productLine, BigDecimal arr,
                         String owner, LocalDate startDate, LocalDate renewalDate, String attributes) {

        AccountRow applyTo(AccountRow base) {
            return new AccountRow(base.id(), base.workspaceId(), base.externalId(), name, segment, productLine,
                    arr == null ? null : arr.setScale(2), owner,
                    startDate, renewalDate, attributes, base.createdAt(), base.updatedAt());
        }
    }
}
