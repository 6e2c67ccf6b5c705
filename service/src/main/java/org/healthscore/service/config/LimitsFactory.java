package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.NotNull;

/** Request body limits: ordinary requests, and the bulk routes that stream many rows. */
public class LimitsFactory {

    @NotNull
    private DataSize maxBodySize = DataSize.megabytes(1);

    @NotNull
    private DataSize maxBulkBodySize = DataSize.megabytes(256);

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
