package org.healthscore.service.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthscore.api.scorecard.BandLimits;
import org.healthscore.api.scorecard.MissingDataSettings;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.api.scorecard.ScoringRuleSpec;
import org.healthscore.persistence.metric.MetricRow;
import org.healthscore.service.scoring.Bands;
import org.healthscore.service.scoring.Measure;
import org.healthscore.service.scoring.MissingData;
import org.healthscore.service.scoring.MissingDataPolicy;
import org.healthscore.service.scoring.Recipe;
import org.healthscore.service.scoring.ScoringRule;

/** Turns a published scorecard version and the catalog into the scoring core's recipe. */
final class Recipes {

    private Recipes() {
    }

    static Recipe of(ScorecardVersion version, Map<String, MetricRow> catalog) {
        List<Measure> measures = new ArrayList<>();
        for (Scorecard.Measure m : version.measures()) {
            MetricRow metric = catalog.get(m.metric());
            if (metric == null) {
                throw new IllegalStateException("Scorecard " + version.key() + " v" + version.version()
                        + " uses metric " + m.metric() + ", which is not in the catalog");
            }
            measures.add(new Measure(m.metric(), m.weight(), m.group(), rule(m.scoring()), metric.direction(),
                    new org.healthscore.api.metric.Aggregation(metric.aggFunction(), metric.windowDays())));
        }
        MissingDataSettings missing = version.missingData() == null ? MissingDataSettings.DEFAULT
                : version.missingData();
        BandLimits bands = version.bands() == null ? BandLimits.DEFAULT : version.bands();
        return new Recipe(measures,
                new MissingData(MissingDataPolicy.valueOf((missing.policy() == null
                        ? org.healthscore.api.scorecard.MissingDataPolicy.RENORMALIZE : missing.policy()).name()),
                        missing.minCoverage() == null ? MissingData.DEFAULT_MIN_COVERAGE : missing.minCoverage()),
                new Bands(bands.redBelow() == null ? Bands.DEFAULT.redBelow() : bands.redBelow(),
                        bands.greenFrom() == null ? Bands.DEFAULT.greenFrom() : bands.greenFrom()));
    }

    static ScoringRule rule(ScoringRuleSpec spec) {
        if (spec instanceof ScoringRuleSpec.Linear linear) {
            return new ScoringRule.Linear(linear.min(), linear.max());
        }
        if (spec instanceof ScoringRuleSpec.Thresholds thresholds) {
            return new ScoringRule.Thresholds(thresholds.steps().stream()
                    .map(s -> new ScoringRule.Thresholds.Step(s.upTo(), s.score())).toList(), thresholds.otherwise());
        }
        if (spec instanceof ScoringRuleSpec.BooleanRule) {
            return new ScoringRule.BooleanRule();
        }
        return new ScoringRule.Percentile();
    }
}
