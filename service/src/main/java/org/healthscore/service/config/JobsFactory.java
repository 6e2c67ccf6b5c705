package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The job workers of this instance: how many, how long a chunk lease lasts, how big chunks are. */
public class JobsFactory {

    @Min(0)
    @Max(64)
    private int workerThreads = 2;

    @Min(2)
    private int leaseSeconds = 60;

    @Min(1)
    @Max(10000)
    private int chunkSize = 200;

    @Min(10)
    private int pollMillis = 250;

    @JsonProperty
    public int getWorkerThreads() {
        return workerThreads;
    }

    @JsonProperty
    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    @JsonProperty
    public int getLeaseSeconds() {
        return leaseSeconds;
    }

    @JsonProperty
    public void setLeaseSeconds(int leaseSeconds) {
        this.leaseSeconds = leaseSeconds;
    }

    @JsonProperty
    public int getChunkSize() {
        return chunkSize;
    }

    @JsonProperty
    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    @JsonProperty
    public int getPollMillis() {
        return pollMillis;
    }

    @JsonProperty
    public void setPollMillis(int pollMillis) {
        this.pollMillis = pollMillis;
    }
}
