package org.healthscore.service.scorecards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.metric.MetricStatus;
import org.healthscore.api.metric.ValueType;
import org.healthscore.api.problem.FieldError;
import org.healthscore.api.scorecard.BandLimits;
import org.healthscore.api.scorecard.MeasureInput;
import org.healthscore.api.scorecard.MissingDataSettings;
import org.healthscore.api.scorecard.ScoringRuleSpec;
import org.healthscore.persistence.metric.MetricRow;

/**
 * The rules a scorecard draft keeps beyond its fields' own (those are bean validation): every
 * measure names an active catalog metric once, weighs more than 0, and has a rule whose math works
 * for that metric; bands are ordered. Each broken rule is named by its field path.
 */
final class ScorecardRules {

    private ScorecardRules() {
    }

    static List<FieldError> check(List<MeasureInput> measures, BandLimits bands, MissingDataSettings missingData,
                                  Map<String, MetricRow> catalog) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < measures.size(); i++) {
            MeasureInput m = measures.get(i);
            String at = "measures[" + i + "]";
            if (m == null || m.metric() == null) {
                continue; // bean validation has named it
            }
            Integer earlier = seen.putIfAbsent(m.metric(), i);
            if (earlier != null) {
                errors.add(new FieldError(at + ".metric", "repeats measures[" + earlier + "]: a metric counts once"));
            }
            MetricRow metric = catalog.get(m.metric());
            if (metric == null) {
                errors.add(new FieldError(at + ".metric", "is not a metric of the catalog ('" + m.metric() + "')"));
            } else if (metric.status() == MetricStatus.DEPRECATED) {
                errors.add(new FieldError(at + ".metric", "is DEPRECATED; a scorecard cannot use it"));
            }
            if (m.weight() != null && !(m.weight() > 0 && Double.isFinite(m.weight()))) {
                errors.add(new FieldError(at + ".weight", "must be greater than 0"));
            }
            if (m.scoring() != null) {
                rule(errors, at + ".scoring", m.scoring(), metric);
            }
        }
        if (bands != null && (bands.redBelow() != null || bands.greenFrom() != null)) {
            // An omitted limit is its default, so {"redBelow": 80} alone breaks the order too.
            double redBelow = bands.redBelow() != null ? bands.redBelow() : BandLimits.DEFAULT.redBelow();
            double greenFrom = bands.greenFrom() != null ? bands.greenFrom() : BandLimits.DEFAULT.greenFrom();
            if (redBelow > greenFrom) {
                errors.add(bands.redBelow() != null
                        ? new FieldError("bands.redBelow", "must not be greater than greenFrom (" + greenFrom + ")")
                        : new FieldError("bands.greenFrom", "must not be less than redBelow (" + redBelow + ")"));
            }
        }
        return errors;
    }

    private static void rule(List<FieldError> errors, String at, ScoringRuleSpec rule, MetricRow metric) {
        if (rule instanceof ScoringRuleSpec.Linear linear) {
            if (linear.min() == null) {
                errors.add(new FieldError(at + ".min", "is required"));
            }
            if (linear.max() == null) {
                errors.add(new FieldError(at + ".max", "is required"));
            }
            if (linear.min() != null && linear.max() != null && !(linear.min() < linear.max())) {
                errors.add(new FieldError(at + ".max", "must be greater than min"));
            }
        } else if (rule instanceof ScoringRuleSpec.Thresholds thresholds) {
            if (thresholds.steps() == null || thresholds.steps().isEmpty()) {
                errors.add(new FieldError(at + ".steps", "must hold at least one step"));
            } else {
                Double previous = null;
                for (int k = 0; k < thresholds.steps().size(); k++) {
                    ScoringRuleSpec.Step step = thresholds.steps().get(k);
                    String s = at + ".steps[" + k + "]";
                    if (step == null || step.upTo() == null) {
                        errors.add(new FieldError(s + ".upTo", "is required"));
                        continue;
                    }
                    if (previous != null && !(step.upTo() > previous)) {
                        errors.add(new FieldError(s + ".upTo", "must be greater than the previous step's upTo"
                                + " (steps ascend)"));
                    }
                    previous = step.upTo();
                    score(errors, s + ".score", step.score());
                }
            }
            score(errors, at + ".otherwise", thresholds.otherwise());
        } else if (rule instanceof ScoringRuleSpec.BooleanRule) {
            if (metric != null && metric.valueType() != ValueType.BOOLEAN) {
                errors.add(new FieldError(at + ".type", "BOOLEAN needs a BOOLEAN metric; " + metric.metricKey()
                        + " is " + metric.valueType()));
            }
        }
        // PERCENTILE fits any metric: its population gives the scale.
    }

    private static void score(List<FieldError> errors, String field, Double score) {
        if (score == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!(score >= 0 && score <= 100)) {
            errors.add(new FieldError(field, "must be between 0 and 100"));
        }
    }
}
