package org.healthscore.api.scorecard;

import java.util.List;
import org.healthscore.api.metric.MetricInput;

/**
 * A starter scorecard: five measures, each with the catalog entry it needs (created on
 * instantiation when the workspace lacks it) and a sensible scoring rule.
 */
public record FrameworkTemplate(Framework framework, String name, String description, List<TemplateMeasure> measures) {

    public record TemplateMeasure(MetricInput metric, double weight, String group, ScoringRuleSpec scoring) {
    }
}
