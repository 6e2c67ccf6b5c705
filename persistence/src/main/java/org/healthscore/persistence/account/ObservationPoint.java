package org.healthscore.persistence.account;

import java.time.Instant;

/** An observation as scoring reads it: no workspace column, which scoring scans do not need to decode. */
public record ObservationPoint(long accountId, long metricId, Instant observedAt, double rawValue) {
}
