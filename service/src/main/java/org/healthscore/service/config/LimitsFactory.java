package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Request body limits (ordinary requests, and the bulk routes that stream many rows) and the per-key rate limit. */
public class LimitsFactory {

    @NotNull
    private DataSize maxBodySize = DataSize.megabytes(1);

    @NotNull
    private DataSize maxBulkBodySize = DataSize.megabytes(256);

    @Valid
    @NotNull
    private RateLimitFactory rateLimit = new RateLimitFactory();

    @JsonProperty
    public RateLimitFactory getRateLimit() {
        return rateLimit;
    }

    @JsonProperty
    public void setRateLimit(RateLimitFactory rateLimit) {
        this.rateLimit = rateLimit;
    }

    @JsonProperty
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    @JsonProperty
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @JsonProperty
    public DataSize getMaxBulkBodySize() {
        return maxBulkBodySize;
    }

    @JsonProperty
    public void setMaxBulkBodySize(DataSize maxBulkBodySize) {
        this.maxBulkBodySize = maxBulkBodySize;
    }
}
