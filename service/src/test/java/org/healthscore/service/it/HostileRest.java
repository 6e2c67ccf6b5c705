package org.healthscore.service.it;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.service.it.HostileBases.Base;
import org.healthscore.service.it.HostileBases.BodyKind;

/**
 * Derives hostile requests for every route of openapi.yaml: bad credentials and roles, an
 * unacceptable Accept, path parameters with odd characters naming nothing, each query parameter
 * out of its schema (limits, cursors, enums, dates, unknown references), bad If-Match and
 * Idempotency-Key headers, methods the path does not offer, and for routes with a body every
 * variant {@link HostileBodies} derives from the body's schema, plus unreadable bodies and wrong
 * content types; bulk routes also as NDJSON and CSV, the wide import as broken multipart.
 */
final class HostileRest {

    private static final String JSON = "application/json";

    private final StockedWorkspace ws;
    private final String revoked;
    private final Map<String, String> etags;
    private final List<HostileRequest> out = new ArrayList<>();

    HostileRest(StockedWorkspace ws, String revokedSecret, Map<String, String> etags) {
        this.ws = ws;
        this.revoked = revokedSecret;
        this.etags = etags;
    }

    List<HostileRequest> all() {
        for (SpecRoutes.Route route : SpecRoutes.rest()) {
            if (route.path().equals("/graphql")) {
                continue; // HostileGraphQL derives these from the SDL
            }
            Base base = HostileBases.of(route, ws, etags);
            credentials(route, base);
            accept(route, base);
            pathParameters(route, base);
            queryParameters(route, base);
            headers(route, base);
            switch (base.kind()) {
                case JSON -> jsonBodies(route, base);
                case BULK -> HostileBulk.of(route, base, bodySchema(route, JSON)).forEach(v ->
                        add(route, v.what(), base, base.pathParams(), "", v.contentType(), v.body()));
                case MULTIPART -> HostileMultipart.of(route).forEach(v ->
                        add(route, v.what(), base, base.pathParams(), "", v.contentType(), v.body()));
                default -> {
                }
            }
            for (String method : SpecRoutes.missingMethods(route.path())) {
                String concrete = pathOf(route, base.pathParams());
                if (route.equals(firstOf(route.path())) && !routedElsewhere(method, route.path(), concrete)) {
                    add(route, method + " not offered", method, base.secret(), base.pathParams(), "",
                            base.headers(), JSON, "{}".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private void credentials(SpecRoutes.Route route, Base base) {
        if (base.secret() == null) {
            return; // GET /openapi.yaml needs none
        }
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("no Authorization", null);
        wrong.put("empty Bearer", "Bearer ");
        wrong.put("Bearer only", "Bearer");
        wrong.put("Basic", "Basic dXNlcjpwYXNz");
        wrong.put("unknown key", "Bearer hs_0123456789_" + "A".repeat(43));
        wrong.put("key with a character more", "Bearer " + base.secret() + "x");
        wrong.put("revoked key", "Bearer " + revoked);
        wrong.put("two schemes", "Bearer " + base.secret() + ", Basic dXNlcjpwYXNz");
        if (base.secret().equals(Backend.BOOTSTRAP)) {
            wrong.put("workspace admin on a bootstrap route", "Bearer " + ws.admin());
        } else {
            wrong.put("bootstrap admin on a workspace route", "Bearer " + Backend.BOOTSTRAP);
            boolean reads = route.method().equals("GET") || route.operation().getOperationId().equals("computeScores");
            if (!reads) {
                wrong.put("reader writes", "Bearer " + ws.reader);
            }
            if (route.path().startsWith("/api/v1/keys") || route.path().startsWith("/api/v1/audit")) {
                wrong.put("writer on an admin route", "Bearer " + ws.writer);
            }
        }
        wrong.forEach((what, authorization) -> {
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            send(route, what, route.method(), pathOf(route, base.pathParams()), headers, base);
        });
    }

    private void accept(SpecRoutes.Route route, Base base) {
        List<String> produced = new ArrayList<>();
        route.operation().getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                produced.addAll(response.getContent().keySet());
            }
        });
        for (String accept : List.of("application/xml", "image/png", "text/csv", "application/json", "text/html")) {
            if (!produced.contains(accept) && !(produced.isEmpty() && accept.equals(JSON))) {
                Map<String, String> headers = withAuth(base);
                headers.put("Accept", accept);
                send(route, "Accept " + accept, route.method(), pathOf(route, base.pathParams()), headers, base);
            }
        }
    }

    private void pathParameters(SpecRoutes.Route route, Base base) {
        boolean creates = route.operation().getOperationId().equals("putAccount");
        for (String name : base.pathParams().keySet()) {
            List<String> odd = new ArrayList<>(name.equals("version") ? encodeAll(HostileValues.BAD_POSITIVE_INTS)
                    : HostileValues.ODD_PATH_IDS);
            if (name.equals("version")) {
                odd.add("2");
            }
            if (creates) {
                // A PUT creates the account: only ids the service must refuse.
                odd = List.of("%ED%A0%80", "%FF%FE", "%C0%AF", "%20lead", "trail%20", "x".repeat(201), "%2F",
                        "%2e%2e");
            }
            odd = new ArrayList<>(odd);
            odd.add("y".repeat(70_000));
            for (String value : odd) {
                Map<String, String> params = new LinkedHashMap<>(base.pathParams());
                params.put(name, value);
                send(route, "path " + name + " = " + clip(value), route.method(), pathOf(route, params),
                        withAuth(base), base);
            }
        }
    }

    private void queryParameters(SpecRoutes.Route route, Base base) {
        for (Parameter p : parameters(route)) {
            if (!"query".equals(p.getIn())) {
                continue;
            }
            for (String value : badQueryValues(route, p)) {
                send(route, "query " + p.getName() + " = " + clip(value), route.method(),
                        pathOf(route, base.pathParams()) + "?" + p.getName() + "=" + value, withAuth(base), base);
            }
        }
        if (route.operation().getOperationId().equals("listAccounts")) {
            send(route, "band without scorecard", "GET", "/api/v1/accounts?band=GREEN", withAuth(base), base);
        }
    }

    private List<String> badQueryValues(SpecRoutes.Route route, Parameter p) {
        Schema<?> schema = p.getSchema();
        String name = p.getName();
        if (name.equals("limit")) {
            return HostileValues.BAD_LIMITS;
        }
        if (name.equals("cursor")) {
            List<String> bad = new ArrayList<>(HostileValues.BAD_CURSORS);
            ws.cursors.forEach((list, cursor) -> {
                if (cursor != null && !list.equals(route.path())) {
                    bad.add(encode(cursor)); // a real cursor, of another list
                }
            });
            return bad;
        }
        if (schema.getEnum() != null) {
            String first = String.valueOf(schema.getEnum().get(0));
            String otherCase = first.equals(first.toLowerCase()) ? first.toUpperCase() : first.toLowerCase();
            return encodeAll(List.of(otherCase, first + " ", "UNKNOWN", first + "\u0000", "\uD83D\uDE00",
                    first + "\u200b")); // a zero-width space: looks the same, is not
        }
        if ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat())) {
            return encodeAll(HostileValues.BAD_DATES.stream().filter(d -> !d.isBlank()).toList());
        }
        if ("integer".equals(schema.getType())) {
            List<String> bad = new ArrayList<>(HostileValues.BAD_POSITIVE_INTS);
            bad.remove("");
            return bad;
        }
        String op = route.operation().getOperationId();
        boolean mustExist = (name.equals("metric") && op.equals("listAccountObservations"))
                || (name.equals("scorecard") && op.startsWith("getAccountHealth"));
        return mustExist ? HostileValues.ODD_PATH_IDS : List.of();
    }

    private void headers(SpecRoutes.Route route, Base base) {
        for (Parameter p : parameters(route)) {
            if (!"header".equals(p.getIn())) {
                continue;
            }
            List<String> values = p.getName().equals("If-Match") ? new ArrayList<>(HostileValues.BAD_ETAGS)
                    : new ArrayList<>(List.of("", "x".repeat(201), "y".repeat(6000)));
            if (p.getName().equals("If-Match") && Boolean.TRUE.equals(p.getRequired())) {
                values.add(null); // missing: 428
            }
            for (String value : values) {
                Map<String, String> headers = withAuth(base);
                if (value == null) {
                    headers.remove(p.getName());
                } else {
                    headers.put(p.getName(), value);
                }
                send(route, p.getName() + " = " + (value == null ? "missing" : clip(value)), route.method(),
                        pathOf(route, base.pathParams()), headers, base);
            }
        }
    }

    private void jsonBodies(SpecRoutes.Route route, Base base) {
        Schema<?> schema = bodySchema(route, JSON);
        for (HostileBodies.Variant v : HostileBodies.of(schema, HostileJson.copy(base.body()))) {
            add(route, v.what(), base, base.pathParams(), "", JSON, HostileJson.write(v.body())
                    .getBytes(StandardCharsets.UTF_8));
        }
        String valid = HostileJson.write(base.body());
        Map<String, byte[]> unreadable = new LinkedHashMap<>();
        unreadable.put("empty body", new byte[0]);
        unreadable.put("null", "null".getBytes(StandardCharsets.UTF_8));
        unreadable.put("truncated", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8));
        unreadable.put("trailing garbage", (valid + " x").getBytes(StandardCharsets.UTF_8));
        unreadable.put("two documents", (valid + valid).getBytes(StandardCharsets.UTF_8));
        unreadable.put("array of the body", ("[" + valid + "]").getBytes(StandardCharsets.UTF_8));
        unreadable.put("nested 100000 deep", ("[".repeat(100_000) + "]".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8));
        unreadable.put("over 1 MiB", (valid.substring(0, valid.length() - 1) + ",\"pad\":\""
                + HostileValues.MEGABYTE + "\"}").getBytes(StandardCharsets.UTF_8));
        unreadable.put("single quotes", valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
        unreadable.put("comment", ("/* c */" + valid).getBytes(StandardCharsets.UTF_8));
        byte[] latin = valid.replaceFirst("\"([^\"]*)\"", "\"\u00e9$1\"").getBytes(StandardCharsets.ISO_8859_1);
        unreadable.put("invalid UTF-8", latin);
        unreadable.forEach((what, bytes) -> add(route, what, base, base.pathParams(), "", JSON, bytes));
        byte[] body = valid.getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/merge-patch+json", "multipart/form-data")) {
            add(route, "Content-Type " + type, base, base.pathParams(), "", type, body);
        }
        add(route, "no Content-Type", base, base.pathParams(), "", null, body);
    }

    // ---- building requests ----

    private void add(SpecRoutes.Route route, String what, Base base, Map<String, String> pathParams, String query,
                     String contentType, byte[] body) {
        add(route, what, route.method(), base.secret(), pathParams, query, base.headers(), contentType, body);
    }

    private void add(SpecRoutes.Route route, String what, String method, String secret, Map<String, String> params,
                     String query, Map<String, String> baseHeaders, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(baseHeaders);
        if (secret != null) {
            headers.put("Authorization", "Bearer " + secret);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        out.add(new HostileRequest(route.name(), what, method, pathOf(route, params) + query, headers, body, false));
    }

    /** A request with the base's body (if any) but these headers and this target. */
    private void send(SpecRoutes.Route route, String what, String method, String target, Map<String, String> headers,
                      Base base) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        byte[] body = null;
        switch (base.kind()) {
            case JSON -> {
                all.putIfAbsent("Content-Type", JSON);
                body = HostileJson.write(base.body()).getBytes(StandardCharsets.UTF_8);
            }
            case BULK -> {
                all.putIfAbsent("Content-Type", JSON);
                body = HostileJson.write(base.body()).getBytes(StandardCharsets.UTF_8);
            }
            case MULTIPART -> {
                HostileMultipart.Variant valid = HostileMultipart.valid();
                all.putIfAbsent("Content-Type", valid.contentType());
                body = valid.body();
            }
            default -> {
            }
        }
        out.add(new HostileRequest(route.name(), what, method, target, all, body, false));
    }

    private Map<String, String> withAuth(Base base) {
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        if (base.secret() != null) {
            headers.put("Authorization", "Bearer " + base.secret());
        }
        return headers;
    }

    /** PUT /api/v1/accounts/bulk is PUT /api/v1/accounts/{externalId} of an account named "bulk". */
    private static boolean routedElsewhere(String method, String template, String concrete) {
        return SpecRoutes.rest().stream().anyMatch(r -> r.method().equals(method) && !r.path().equals(template)
                && concrete.matches(r.path().replaceAll("\\{[^}]+}", "[^/]+")));
    }

    private static SpecRoutes.Route firstOf(String path) {
        return SpecRoutes.rest().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    private static String pathOf(SpecRoutes.Route route, Map<String, String> params) {
        String path = route.path();
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        return path;
    }

    private static List<Parameter> parameters(SpecRoutes.Route route) {
        List<Parameter> all = new ArrayList<>();
        var item = SpecRoutes.OPENAPI.getPaths().get(route.path());
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (route.operation().getParameters() != null) {
            all.addAll(route.operation().getParameters());
        }
        return all;
    }

    static Schema<?> bodySchema(SpecRoutes.Route route, String mediaType) {
        Content content = route.operation().getRequestBody().getContent();
        return content.get(mediaType).getSchema();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> encodeAll(List<String> values) {
        return values.stream().map(v -> v.startsWith("%") ? v : encode(v)).toList();
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value;
    }
}
