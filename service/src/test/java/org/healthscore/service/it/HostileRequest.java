package org.healthscore.service.it;

import java.util.Map;

/**
 * One generated request that must be refused. {@code group} is the route it targets ("POST
 * /api/v1/metrics", "graphql Mutation.createMetric"); {@code what} says how it is hostile, so a
 * failure names the case. {@code pathAndQuery} is already percent-encoded.
 */
record HostileRequest(String group, String what, String method, String pathAndQuery, Map<String, String> headers,
                      byte[] body, boolean graphql) {

    String describe() {
        String shown = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "...(" + body.length + " bytes)";
        }
        String target = pathAndQuery.length() > 200 ? pathAndQuery.substring(0, 200) + "..." : pathAndQuery;
        return group + " [" + what + "] " + method + " " + target + " " + headers.keySet() + " " + shown;
    }
}
