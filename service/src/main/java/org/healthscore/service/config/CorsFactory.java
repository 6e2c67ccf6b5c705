package org.healthscore.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * Browser origins allowed to call the APIs. None by default; a wildcard is refused because
 * the APIs are called with credentials (an Authorization header).
 */
public class CorsFactory {

    @NotNull
    private List<String> allowedOrigins = new ArrayList<>();

    private long maxAgeSeconds = 600;

    @JsonProperty
    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    @JsonProperty
    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @JsonProperty
    public long getMaxAgeSeconds() {
        return maxAgeSeconds;
    }

    @JsonProperty
    public void setMaxAgeSeconds(long maxAgeSeconds) {
        this.maxAgeSeconds = maxAgeSeconds;
    }

    @jakarta.validation.constraints.AssertTrue(message = "allowedOrigins must name origins; '*' is not allowed with credentials")
    public boolean isNoWildcard() {
        return allowedOrigins.stream().noneMatch(o -> o.contains("*"));
    }
}
