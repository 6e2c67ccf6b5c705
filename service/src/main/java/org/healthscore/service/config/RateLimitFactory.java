package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/**
 * A per-key request budget: a token bucket of {@code burst} tokens refilled at
 * {@code requestsPerSecond}. Kept in memory by each instance, so N instances allow N times the rate
 * in total; good enough to stop one runaway client, not a billing quota.
 */
public class RateLimitFactory {

    private boolean enabled;

    @Min(1)
    private double requestsPerSecond = 50;

    @Min(1)
    private int burst = 100;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    @JsonProperty
    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    @JsonProperty
    public int getBurst() {
        return burst;
    }

    @JsonProperty
    public void setBurst(int burst) {
        this.burst = burst;
    }
}
