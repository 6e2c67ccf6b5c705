package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * The embedded demo: a workspace whose keys are fixed in the demo configuration (and so are
 * not secret) and printed at start-up. Leave it out of any real deployment.
 */
public class DemoFactory {

    private boolean enabled = false;

    @NotBlank
    private String workspaceName = "Demo workspace";

    private String adminSecret;
    private String writerSecret;
    private String readerSecret;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public String getWorkspaceName() {
        return workspaceName;
    }

    @JsonProperty
    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

    @JsonProperty
    public String getAdminSecret() {
        return adminSecret;
    }

    @JsonProperty
    public void setAdminSecret(String adminSecret) {
        this.adminSecret = adminSecret;
    }

    @JsonProperty
    public String getWriterSecret() {
        return writerSecret;
    }

    @JsonProperty
    public void setWriterSecret(String writerSecret) {
        this.writerSecret = writerSecret;
    }

    @JsonProperty
    public String getReaderSecret() {
        return readerSecret;
    }

    @JsonProperty
    public void setReaderSecret(String readerSecret) {
        this.readerSecret = readerSecret;
    }

    @jakarta.validation.constraints.AssertTrue(message = "a demo workspace needs adminSecret, writerSecret and readerSecret")
    public boolean isComplete() {
        return !enabled || (adminSecret != null && writerSecret != null && readerSecret != null);
    }
}
