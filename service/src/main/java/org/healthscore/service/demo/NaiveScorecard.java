package org.healthscore.service.demo;

import java.util.List;
import org.healthscore.api.scorecard.Framework;
import org.healthscore.api.scorecard.MeasureInput;
import org.healthscore.api.scorecard.ScorecardInput;
import org.healthscore.api.scorecard.ScoringRuleSpec;

/**
 * The scorecard a team writes first: five plausible measures, the biggest weights on the loudest
 * numbers (page views, support tickets), and
 * generous ranges, so most accounts look green. Evaluated on the demo story it ranks poorly and shows
 * false greens; the evaluation's suggestions repair it.
 */
public final class NaiveScorecard {

    public static final String KEY = "first_try";

    private NaiveScorecard() {
    }

    public static ScorecardInput input() {
        return new ScorecardInput(KEY, "First try", "Five measures picked by intuition, before any evaluation.",
                Framework.CUSTOM, null, null, null, List.of(
                        measure(DemoCatalog.PAGE_VIEWS, 30, "usage", 0, 1500),
                        measure(DemoCatalog.SUPPORT_TICKETS, 25, "risk", 0, 10),
                        measure(DemoCatalog.NPS, 15, "voice", -50, 50),
                        measure(DemoCatalog.LICENSE_UTILIZATION, 15, "usage", 0, 80),
                        measure(DemoCatalog.WEEKLY_ACTIVE_USERS, 15, "usage", 0, 70)), null);
    }

    private static MeasureInput measure(String metric, double weight, String group, double min, double max) {
        return new MeasureInput(metric, weight, group, new ScoringRuleSpec.Linear(min, max));
    }
}
