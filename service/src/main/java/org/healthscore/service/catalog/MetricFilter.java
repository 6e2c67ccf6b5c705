package org.healthscore.service.catalog;

import org.healthscore.api.metric.MetricStatus;
import org.healthscore.service.problem.ApiException;

/** Which catalog entries a list shows; each part is optional. */
public record MetricFilter(String dimension, MetricStatus status, String tag) {

    public static final MetricFilter ALL = new MetricFilter(null, null, null);

    /** From REST query parameters, which arrive as text. */
    public static MetricFilter fromQuery(String dimension, String status, String tag) {
        MetricStatus parsed = null;
        if (status != null) {
            try {
                parsed = MetricStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status", "must be one of ACTIVE, DEPRECATED");
            }
        }
        return new MetricFilter(blankToNull(dimension), parsed, blankToNull(tag));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
