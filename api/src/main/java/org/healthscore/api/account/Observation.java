package org.healthscore.api.account;

import java.time.Instant;

/** One raw value of one metric for one account at one time. */
public record Observation(String account, String metric, Instant observedAt, double value) {
}
