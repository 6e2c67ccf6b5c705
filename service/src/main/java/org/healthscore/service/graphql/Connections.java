package org.healthscore.service.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.healthscore.api.page.Page;

/** Relay-style connections made from the services' pages. */
final class Connections {

    private Connections() {
    }

    static <T> Map<String, Object> of(Page<T> page, Function<T, String> cursorOf) {
        List<Map<String, Object>> edges = page.items().stream()
                .map(item -> Map.<String, Object>of("cursor", cursorOf.apply(item), "node", item))
                .toList();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page.nextCursor() != null);
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", page.items());
        connection.put("pageInfo", pageInfo);
        return connection;
    }
}
