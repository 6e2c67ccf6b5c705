package org.healthscore.api.scorecard;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * How a measure's raw value becomes a score 0-100, as clients write it (DESIGN.md 3.3):
 * {@code {"type": "LINEAR", "min": 0, "max": 10}}, {@code {"type": "THRESHOLDS", "steps": [{"upTo": 3,
 * "score": 100}], "otherwise": 20}}, {@code {"type": "BOOLEAN"}}, {@code {"type": "PERCENTILE"}}.
 * The service checks the rules' math and names the field that breaks it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScoringRuleSpec.Linear.class, name = "LINEAR"),
        @JsonSubTypes.Type(value = ScoringRuleSpec.Thresholds.class, name = "THRESHOLDS"),
        @JsonSubTypes.Type(value = ScoringRuleSpec.BooleanRule.class, name = "BOOLEAN"),
        @JsonSubTypes.Type(value = ScoringRuleSpec.Percentile.class, name = "PERCENTILE")
})
public sealed interface ScoringRuleSpec {

    record Linear(Double min, Double max) implements ScoringRuleSpec {
    }

    record Thresholds(List<Step> steps, Double otherwise) implements ScoringRuleSpec {
    }

    record Step(Double upTo, Double score) {
    }

    record BooleanRule() implements ScoringRuleSpec {
    }

    record Percentile() implements ScoringRuleSpec {
    }
}
