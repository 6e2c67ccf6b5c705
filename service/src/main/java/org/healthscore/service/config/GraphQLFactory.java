package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** Limits on what one GraphQL request may ask for. */
public class GraphQLFactory {

    @Min(2)
    private int maxDepth = 12;

    @Min(10)
    private int maxComplexity = 5000;

    @JsonProperty
    public int getMaxDepth() {
        return maxDepth;
    }

    @JsonProperty
    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @JsonProperty
    public int getMaxComplexity() {
        return maxComplexity;
    }

    @JsonProperty
    public void setMaxComplexity(int maxComplexity) {
        this.maxComplexity = maxComplexity;
    }
}
