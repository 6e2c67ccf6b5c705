package org.healthscore.service.demo;

import java.util.List;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.api.metric.Direction;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.metric.ValueType;

/**
 * The catalog of the demo story: ten DEAR/PROVE measures as a CS team would document them. Two of
 * them are traps the evaluation should expose: {@link #PAGE_VIEWS} carries no signal, and
 * {@link #SUPPORT_TICKETS} is documented lower-is-better although engaged customers file more.
 */
public final class DemoCatalog {

    public static final String LICENSE_UTILIZATION = "license_utilization_pct";
    public static final String WEEKLY_ACTIVE_USERS = "weekly_active_users_pct";
    public static final String FEATURE_BREADTH = "feature_adoption_breadth";
    public static final String SUPPORT_TICKETS = "support_tickets";
    public static final String ESCALATIONS = "escalations";
    public static final String NPS = "nps";
    public static final String EXEC_SPONSOR = "executive_sponsor_engaged";
    public static final String DAYS_SINCE_MEETING = "days_since_last_meeting";
    public static final String OUTCOMES_ACHIEVED = "outcomes_achieved_pct";
    public static final String PAGE_VIEWS = "monthly_page_views";

    /** Monthly series are read with a window a little longer than a month, so one late reading still counts. */
    private static final Aggregation MONTHLY = new Aggregation(AggregationFunction.LATEST, 45);

    private DemoCatalog() {
    }

    public static List<MetricInput> metrics() {
        return List.of(
                metric(LICENSE_UTILIZATION, "License utilization", "Share of purchased seats assigned and used.",
                        "DEPLOYMENT", "%", ValueType.PERCENT, Direction.HIGHER_IS_BETTER, MONTHLY),
                metric(WEEKLY_ACTIVE_USERS, "Weekly active users", "Share of seats active in the last 7 days.",
                        "ENGAGEMENT", "%", ValueType.PERCENT, Direction.HIGHER_IS_BETTER, MONTHLY),
                metric(FEATURE_BREADTH, "Feature adoption breadth", "Number of the 12 key features used this month.",
                        "ADOPTION", "features", ValueType.COUNT, Direction.HIGHER_IS_BETTER, MONTHLY),
                metric(SUPPORT_TICKETS, "Support tickets", "Tickets opened this month (any priority).",
                        "RISK", "tickets", ValueType.COUNT, Direction.LOWER_IS_BETTER, MONTHLY),
                metric(ESCALATIONS, "Escalations", "Tickets escalated to engineering or management this month.",
                        "RISK", "escalations", ValueType.COUNT, Direction.LOWER_IS_BETTER, MONTHLY),
                metric(NPS, "Net promoter score", "Latest quarterly survey: promoters - detractors, in percent.",
                        "VOICE", "points", ValueType.NUMBER, Direction.HIGHER_IS_BETTER,
                        new Aggregation(AggregationFunction.LATEST, 180)),
                metric(EXEC_SPONSOR, "Executive sponsor engaged", "1 when the sponsor met us this month.",
                        "ENGAGEMENT", null, ValueType.BOOLEAN, Direction.HIGHER_IS_BETTER, MONTHLY),
                metric(DAYS_SINCE_MEETING, "Days since last meeting", "Days since the last CSM meeting.",
                        "ENGAGEMENT", "days", ValueType.DAYS, Direction.LOWER_IS_BETTER, MONTHLY),
                metric(OUTCOMES_ACHIEVED, "Outcomes achieved", "Share of agreed success-plan goals met (quarterly).",
                        "OUTCOMES", "%", ValueType.PERCENT, Direction.HIGHER_IS_BETTER,
                        new Aggregation(AggregationFunction.LATEST, 120)),
                metric(PAGE_VIEWS, "Monthly page views", "Page views in the product this month.",
                        "PRODUCT", "views", ValueType.COUNT, Direction.HIGHER_IS_BETTER, MONTHLY));
    }

    private static MetricInput metric(String key, String name, String description, String dimension, String unit,
                                      ValueType type, Direction direction, Aggregation aggregation) {
        return new MetricInput(key, name, description, dimension, "demo story (generated)", description, "CS Ops",
                unit, type, direction, aggregation, List.of("demo"), null);
    }
}
