package org.healthscore.service.graphql;

import graphql.execution.AbortExecutionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused before it runs because it asks for more than a configured limit allows; its
 * error names the setting ({@code extensions.limit}) so a client knows what it ran into.
 */
final class LimitExceeded extends AbortExecutionException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final int allowed;

    LimitExceeded(String message, String setting, int allowed) {
        super(message);
        this.setting = setting;
        this.allowed = allowed;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "VALIDATION");
        extensions.put("limit", setting);
        extensions.put("allowed", allowed);
        return extensions;
    }
}
