package org.healthscore.api.metric;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A catalog entry as a client writes it (POST creates, PUT replaces every field but the key).
 * {@code key} is required on create and, when given on update, must equal the key in the path.
 */
public record MetricInput(
        @Pattern(regexp = KEY_PATTERN, message = "must match " + KEY_PATTERN) String key,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 20000, message = "must be at most 20000 characters") String description,
        @Size(max = 64, message = "must be at most 64 characters") String dimension,
        @Size(max = 500, message = "must be at most 500 characters") String dataSource,
        @Size(max = 5000, message = "must be at most 5000 characters") String calculation,
        @Size(max = 200, message = "must be at most 200 characters") String owner,
        @Size(max = 64, message = "must be at most 64 characters") String unit,
        @NotNull(message = "is required") ValueType valueType,
        @NotNull(message = "is required") Direction direction,
        @Valid Aggregation aggregation,
        @Size(max = 50, message = "must hold at most 50 tags")
        List<@Size(max = 64, message = "must be at most 64 characters")
        @Pattern(regexp = TAG_PATTERN, message = "must not be blank, nor start or end with spaces") String> tags,
        MetricStatus status) {

    public static final String KEY_PATTERN = "^[a-z][a-z0-9_]{1,63}$";
    /**
     * No leading or trailing white space: MySQL's utf8mb4_bin ignores trailing spaces when it
     * compares, so "core" and "core " would be one tag there and two on H2.
     */
    public static final String TAG_PATTERN = "^(\\S|\\S.*\\S)$";

    /** The aggregation to store: the given one, or {@link Aggregation#DEFAULT}. */
    public Aggregation aggregationOrDefault() {
        return aggregation == null ? Aggregation.DEFAULT : aggregation;
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public MetricStatus statusOrDefault() {
        return status == null ? MetricStatus.ACTIVE : status;
    }
}
