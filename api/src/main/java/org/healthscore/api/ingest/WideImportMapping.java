package org.healthscore.api.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.healthscore.api.account.OutcomeType;

/**
 * How to read a spreadsheet with one row per account: which column holds the account, its
 * segment and product line, which columns are metric values (text mapped to numbers through
 * {@code values}), and which column says an outcome happened. Every value is stamped {@code observedAt}.
 */
public record WideImportMapping(
        @NotBlank(message = "is required") String accountColumn,
        String segmentColumn,
        String productLineColumn,
        @NotNull(message = "is required") Instant observedAt,
        @NotEmpty(message = "must map at least one column") @Size(max = 500, message = "must map at most 500 columns")
        List<@Valid @NotNull(message = "is required") MetricColumn> metrics,
        @Valid OutcomeColumn outcome) {

    /** A column holding one metric's values; {@code values} maps text cells (such as {@code Yes}) to numbers. */
    public record MetricColumn(
            @NotBlank(message = "is required") String column,
            @NotBlank(message = "is required") String metric,
            Map<String, Double> values) {
    }

    /** A column that records an outcome when its cell equals {@code when}. */
    public record OutcomeColumn(
            @NotBlank(message = "is required") String column,
            @NotNull(message = "is required") String when,
            @NotNull(message = "is required") OutcomeType type,
            @NotNull(message = "is required") LocalDate occurredAt) {
    }
}
