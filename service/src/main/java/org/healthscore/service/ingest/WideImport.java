package org.healthscore.service.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthscore.api.ingest.Counts;
import org.healthscore.api.ingest.IngestSummary;
import org.healthscore.api.ingest.WideImportMapping;
import org.healthscore.api.ingest.WideImportMapping.MetricColumn;
import org.healthscore.api.key.Role;
import org.healthscore.api.problem.FieldError;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.validation.RequestValidator;

/**
 * A spreadsheet with one row per account (the way churn data sets and CRM exports look): the
 * mapping names the account column, the segment and product-line columns, the metric columns
 * (text cells mapped to numbers) and the outcome column. Accounts, observations and outcomes
 * are written in one all-or-nothing request.
 */
public final class WideImport {

    private final IngestService ingest;
    private final RequestValidator validator;
    private final java.time.Clock clock;

    public WideImport(IngestService ingest, RequestValidator validator, java.time.Clock clock) {
        this.ingest = ingest;
        this.validator = validator;
        this.clock = clock;
    }

    public IngestSummary run(Caller caller, WideImportMapping mapping, InputStream csv) {
        String workspaceId = caller.workspace(Role.WRITER);
        if (mapping == null) {
            throw ApiException.badRequest("mapping", "is required: a JSON part named mapping");
        }
        validator.check(mapping);
        checkYear("observedAt", mapping.observedAt().atOffset(java.time.ZoneOffset.UTC).getYear());
        if (mapping.outcome() != null) {
            checkYear("outcome.occurredAt", mapping.outcome().occurredAt().getYear());
        }
        if (csv == null) {
            throw ApiException.badRequest("file", "is required: a CSV part named file");
        }
        return ingest.inRequest(workspaceId, BulkFormat.CSV, csv, List.of(), column -> true, (handle, reader, errors) -> {
            Map<String, MetricRef> metrics = ingest.metrics(handle, workspaceId);
            checkMapping(mapping, reader.columns(), metrics);
            AccountIds ids = new AccountIds(handle, workspaceId);
            AccountWriter accounts = new AccountWriter(handle, workspaceId, ids, errors, clock);
            ObservationWriter observations = new ObservationWriter(handle, workspaceId, ids, errors, accounts::flush);
            OutcomeWriter outcomes = new OutcomeWriter(handle, workspaceId, ids, errors, accounts::flush);
            reader.forEach(row -> {
                RowFields f = new RowFields(row, errors);
                String account = f.text(mapping.accountColumn(), true, 200);
                String segment = mapping.segmentColumn() == null ? null : f.text(mapping.segmentColumn(), false, 100);
                String productLine = mapping.productLineColumn() == null ? null
                        : f.text(mapping.productLineColumn(), false, 100);
                if (account == null) {
                    return;
                }
                accounts.add(row.line(), mapping.accountColumn(), account, stored -> new AccountRow(stored.id(),
                        stored.workspaceId(), stored.externalId(), stored.name(),
                        mapping.segmentColumn() == null ? stored.segment() : segment,
                        mapping.productLineColumn() == null ? stored.productLine() : productLine,
                        stored.arr(), stored.owner(), stored.startDate(), stored.renewalDate(), stored.attributes(),
                        stored.createdAt(), stored.updatedAt()));
                for (MetricColumn column : mapping.metrics()) {
                    Double value = cellValue(f, column);
                    MetricRef metric = metrics.get(column.metric());
                    if (value == null) {
                        continue;
                    }
                    String reason = ValueRules.check(metric.valueType(), value);
                    if (reason != null) {
                        f.reject(column.column(), reason);
                        continue;
                    }
                    observations.add(row.line(), mapping.accountColumn(), account, metric, mapping.observedAt(),
                            value);
                }
                if (mapping.outcome() != null) {
                    String cell = f.text(mapping.outcome().column(), false, 200);
                    if (mapping.outcome().when().equals(cell)) {
                        outcomes.add(row.line(), mapping.accountColumn(), account, mapping.outcome().type(),
                                mapping.outcome().occurredAt(), null);
                    }
                }
            });
            Counts accountCounts = accounts.finish();
            Counts observationCounts = observations.finish();
            Counts outcomeCounts = outcomes.finish();
            return new IngestService.Done(new IngestSummary(accountCounts, observationCounts, outcomeCounts),
                    "import.wide", "accounts " + accountCounts + ", observations " + observationCounts
                    + ", outcomes " + outcomeCounts);
        }, caller);
    }

    private static void checkYear(String field, int year) {
        if (year < RowFields.FIRST_YEAR || year > RowFields.LAST_YEAR) {
            throw ApiException.invalid(field, "must be between the years " + RowFields.FIRST_YEAR + " and "
                    + RowFields.LAST_YEAR);
        }
    }

    /** A cell's number: through the column's value map when it has the text, else parsed; null when empty. */
    private static Double cellValue(RowFields f, MetricColumn column) {
        String text = f.text(column.column(), false, 200);
        if (text == null) {
            return null;
        }
        if (column.values() != null && column.values().containsKey(text)) {
            return column.values().get(text) + 0.0;
        }
        Double value = RowFields.parseNumber(text);
        if (value != null) {
            return value;
        }
        f.reject(column.column(), "'" + text + "' is not a number"
                + (column.values() == null ? "" : " and not one of the mapped values " + column.values().keySet()));
        return null;
    }

    private static void checkMapping(WideImportMapping mapping, List<String> columns, Map<String, MetricRef> metrics) {
        List<FieldError> errors = new ArrayList<>();
        checkColumn(errors, "accountColumn", mapping.accountColumn(), columns);
        checkColumn(errors, "segmentColumn", mapping.segmentColumn(), columns);
        checkColumn(errors, "productLineColumn", mapping.productLineColumn(), columns);
        for (int i = 0; i < mapping.metrics().size(); i++) {
            MetricColumn column = mapping.metrics().get(i);
            checkColumn(errors, "metrics[" + i + "].column", column.column(), columns);
            if (!metrics.containsKey(column.metric())) {
                errors.add(new FieldError("metrics[" + i + "].metric", "is not a metric of the catalog ('"
                        + column.metric() + "'); create it first"));
            }
            if (column.values() != null) {
                column.values().forEach((text, value) -> {
                    if (value == null || !Double.isFinite(value)) {
                        errors.add(new FieldError("metrics[" + mapping.metrics().indexOf(column) + "].values." + text,
                                "must be a finite number"));
                    }
                });
            }
        }
        if (mapping.outcome() != null) {
            checkColumn(errors, "outcome.column", mapping.outcome().column(), columns);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void checkColumn(List<FieldError> errors, String field, String column, List<String> columns) {
        if (column != null && !columns.contains(column)) {
            errors.add(new FieldError(field, "'" + column + "' is not a column of the file"));
        }
    }
}
