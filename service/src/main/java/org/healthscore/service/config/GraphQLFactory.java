package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** Limits on what one GraphQL request may ask for. */
public class GraphQLFactory {

    @Min(2)
    private int maxDepth = 12;

    @Min(10)
    private int maxComplexity = 5000;

    /** Aliased fields in one document: aliases let one request ask for the same costly field many times. */
    @Min(1)
    private int maxAliases = 30;

    /** Operations in one document: only one runs, but each is parsed and validated. */
    @Min(1)
    private int maxOperations = 10;

    @JsonProperty
    public int getMaxAliases() {
        return maxAliases;
    }

    @JsonProperty
    public void setMaxAliases(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @JsonProperty
    public int getMaxOperations() {
        return maxOperations;
    }

    @JsonProperty
    public void setMaxOperations(int maxOperations) {
        this.maxOperations = maxOperations;
    }

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
