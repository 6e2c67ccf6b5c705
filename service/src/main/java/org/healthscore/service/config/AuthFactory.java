package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The service's own bootstrap admin: a secret from configuration or the environment, never from the repository. */
public class AuthFactory {

    @NotNull
    @Size(min = 32, message = "must be at least 32 characters (128 bits or more of randomness)")
    private String bootstrapSecret;

    @JsonProperty
    public String getBootstrapSecret() {
        return bootstrapSecret;
    }

    @JsonProperty
    public void setBootstrapSecret(String bootstrapSecret) {
        this.bootstrapSecret = bootstrapSecret;
    }
}
