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

    /** On the first start, load the demo story (accounts, history, an evaluation) as a job after HTTP is up. */
    private boolean loadOnStart = false;

    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(100_000)
    private int storyAccounts = 2_000;

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
    public boolean isLoadOnStart() {
        return loadOnStart;
    }

    @JsonProperty
    public void setLoadOnStart(boolean loadOnStart) {
        this.loadOnStart = loadOnStart;
    }

    @JsonProperty
    public int getStoryAccounts() {
        return storyAccounts;
    }

    @JsonProperty
    public void setStoryAccounts(int storyAccounts) {
        this.storyAccounts = storyAccounts;
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

    @jakarta.validation.constraints.AssertTrue(message = "loadOnStart needs the demo workspace (enabled: true)")
    public boolean isLoadableOnStart() {
        return !loadOnStart || enabled;
    }
}
