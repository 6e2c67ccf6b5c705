package org.healthscore.service.catalog;

import java.time.Instant;
import java.util.List;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.Metric;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.persistence.metric.MetricRow;

/** Converts between catalog rows and api records. */
final class MetricRows {

    private MetricRows() {
    }

    static Metric toApi(MetricRow r, List<String> tags) {
        return new Metric(r.metricKey(), r.name(), r.description(), r.dimension(), r.dataSource(), r.calculation(),
                r.owner(), r.unit(), r.valueType(), r.direction(), new Aggregation(r.aggFunction(), r.windowDays()),
                tags, r.status(), r.revision(), r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy());
    }

    /** A row holding {@code input}'s fields; identity and audit columns come from the caller. */
    static MetricRow fromInput(long id, String workspaceId, String key, MetricInput in, int revision,
                               Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        Aggregation aggregation = in.aggregationOrDefault();
        return new MetricRow(id, workspaceId, key, in.name().strip(), in.description(), trim(in.dimension()),
                in.dataSource(), in.calculation(), in.owner(), in.unit(), in.valueType(), in.direction(),
                aggregation.function(), aggregation.windowDays(), in.statusOrDefault(), revision, createdAt,
                createdBy, updatedAt, updatedBy);
    }

    /** True when {@code b} would store exactly what {@code a} holds (so an update is a no-op). */
    static boolean sameContent(MetricRow a, List<String> aTags, MetricRow b, List<String> bTags) {
        return a.name().equals(b.name()) && eq(a.description(), b.description()) && eq(a.dimension(), b.dimension())
                && eq(a.dataSource(), b.dataSource()) && eq(a.calculation(), b.calculation())
                && eq(a.owner(), b.owner()) && eq(a.unit(), b.unit()) && a.valueType() == b.valueType()
                && a.direction() == b.direction() && a.aggFunction() == b.aggFunction()
                && a.windowDays() == b.windowDays() && a.status() == b.status()
                && aTags.stream().sorted().toList().equals(bTags.stream().sorted().toList());
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String trim(String text) {
        return text == null ? null : text.strip();
    }
}
