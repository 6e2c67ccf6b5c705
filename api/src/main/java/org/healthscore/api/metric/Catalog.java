package org.healthscore.api.metric;

import java.time.Instant;
import java.util.List;

/** The whole catalog as one document: every entry of the workspace, in key order. */
public record Catalog(Instant generatedAt, List<Metric> metrics) {

    public Catalog {
        metrics = List.copyOf(metrics);
    }
}
