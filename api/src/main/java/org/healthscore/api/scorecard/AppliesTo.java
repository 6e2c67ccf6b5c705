package org.healthscore.api.scorecard;

import jakarta.validation.constraints.Size;
import java.util.List;

/** The accounts a scorecard is meant for; empty lists mean every account. */
public record AppliesTo(
        @Size(max = 100, message = "must list at most 100 segments")
        List<@jakarta.validation.constraints.NotBlank(message = "must not be blank") String> segments,
        @Size(max = 100, message = "must list at most 100 product lines")
        List<@jakarta.validation.constraints.NotBlank(message = "must not be blank") String> productLines) {

    public static final AppliesTo ALL = new AppliesTo(List.of(), List.of());

    public AppliesTo {
        segments = segments == null ? List.of() : List.copyOf(segments);
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
    }
}
