package org.healthscore.service.it;

import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.AstPrinter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthscore.service.it.HostileJson.Raw;

/**
 * Derives hostile GraphQL requests from the SDL: for every root field of Query and Mutation, a
 * valid call (arguments as variables) changed in one way the schema or the service's rules refuse:
 * a required argument or input field missing or null, a value of the wrong type, an Int beyond 32
 * bits, a Float that is not finite, an enum or date that does not parse, an unknown input field,
 * a bad page size or cursor, an unknown reference; plus bad credentials, and transport-level
 * hostility (unreadable bodies, wrong content types, depth and size bombs) once for the endpoint.
 */
final class HostileGraphQL {

    private static final Set<String> REFERENCES = Set.of("metric", "account", "scorecard");
    private final StockedWorkspace ws;
    private final String revoked;
    private final Map<String, String> etags;
    private final List<HostileRequest> out = new ArrayList<>();

    HostileGraphQL(StockedWorkspace ws, String revokedSecret, Map<String, String> etags) {
        this.ws = ws;
        this.revoked = revokedSecret;
        this.etags = etags;
    }

    List<HostileRequest> all() {
        for (SpecRoutes.RootField root : SpecRoutes.graphql()) {
            field(root);
        }
        transport();
        return out;
    }

    private void field(SpecRoutes.RootField root) {
        FieldDefinition field = root.field();
        Map<String, Object> valid = GraphQLBases.arguments(root.name(), ws, etags);
        creates = root.name().equals("Mutation.upsertAccount");
        String group = "graphql " + root.name();
        for (InputValueDefinition arg : field.getInputValueDefinitions()) {
            Object value = valid.get(arg.getName());
            if (arg.getType() instanceof NonNullType) {
                Map<String, Object> without = new LinkedHashMap<>(valid);
                without.remove(arg.getName());
                add(group, arg.getName() + " missing", root, without, ws.admin());
                Map<String, Object> nulled = new LinkedHashMap<>(valid);
                nulled.put(arg.getName(), null);
                add(group, arg.getName() + " null", root, nulled, ws.admin());
            }
            boolean filter = root.name().equals("Query.evaluations") && arg.getName().equals("scorecard");
            for (Map.Entry<String, Object> bad : (filter ? Map.of("as a number", (Object) 123)
                    : badValues(arg.getName(), arg.getType(), value)).entrySet()) {
                Map<String, Object> changed = new LinkedHashMap<>(valid);
                changed.put(arg.getName(), bad.getValue());
                add(group, arg.getName() + " " + bad.getKey(), root, changed, ws.admin());
            }
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("no key", null);
        keys.put("unknown key", "hs_0123456789_" + "A".repeat(43));
        keys.put("revoked key", revoked);
        keys.put("bootstrap admin", Backend.BOOTSTRAP);
        if (root.type().equals("Mutation")) {
            keys.put("reader writes", ws.reader);
        }
        keys.forEach((what, secret) -> add(group, what, root, valid, secret));
        String document = document(root);
        String name = field.getName();
        String unknownArgument = document.contains(name + "(") ? document.replaceFirst(name + "\\(", name
                + "(zzUnknown: 1, ") : document.replaceFirst(name + " \\{", name + "(zzUnknown: 1) {");
        out.add(request(group, "an unknown argument", unknownArgument, valid, ws.admin()));
        out.add(request(group, "an unknown field", document.replace("{ __typename", "{ zzNope __typename"), valid,
                ws.admin()));
        if (root.type().equals("Query") && field.getName().equals("account")) {
            for (String nested : List.of("observations(first: 0) { nodes { value } }",
                    "observations(first: 1001) { nodes { value } }", "observations(after: \"x\") { nodes { value } }",
                    "observations(metric: \"no_such_metric\") { nodes { value } }",
                    "observations(from: \"2026-02-30T00:00:00Z\") { nodes { value } }",
                    "health(asOf: \"2026-13-01\") { score }", "health(scorecard: \"no_such\") { score }",
                    "health(version: 0) { score }", "health(version: 2147483648) { score }",
                    "history(from: \"yesterday\") { score }", "history(from: \"2026-02-01\", to: \"2026-01-01\") { score }",
                    "history(scorecard: \"\\ud800\") { score }")) {
                out.add(request(group, "nested " + nested, "query { account(externalId: \"a00\") { " + nested + " } }",
                        null, ws.admin()));
            }
        }
        if (root.type().equals("Query") && field.getName().equals("evaluation")) {
            for (String rows : List.of("first: 0", "first: -1", "first: 1001", "after: \"x\"", "after: \"\\u0000\"")) {
                out.add(request(group, "falseGreens rows(" + rows + ")", "query { evaluation(id: \""
                        + ws.evaluationId + "\") { falseGreens { rows(" + rows + ") { nodes { account } } } } }", null,
                        ws.admin()));
            }
        }
    }

    /** Values of a variable of {@code type} that the schema (or the service's rules) refuses. */
    private boolean creates;

    private Map<String, Object> badValues(String name, Type<?> type, Object valid) {
        Map<String, Object> bad = new LinkedHashMap<>();
        Type<?> bare = type instanceof NonNullType nn ? nn.getType() : type;
        if (bare instanceof ListType list) {
            bad.put("as an object", Map.of("x", 1));
            bad.put("as a list of lists", List.of(List.of()));
            if (valid instanceof List<?> items && !items.isEmpty()) {
                Type<?> element = list.getType();
                for (Map.Entry<String, Object> e : badValues(name, element, items.get(items.size() - 1)).entrySet()) {
                    List<Object> changed = new ArrayList<>((List<Object>) HostileJson.copy(valid));
                    changed.set(changed.size() - 1, e.getValue());
                    bad.put("[last] " + e.getKey(), changed);
                }
                if (element instanceof NonNullType) {
                    List<Object> withNull = new ArrayList<>((List<Object>) HostileJson.copy(valid));
                    withNull.add(null);
                    bad.put("with a null element", withNull);
                }
            }
            return bad;
        }
        String typeName = ((TypeName) bare).getName();
        var registry = SpecRoutes.GRAPHQL;
        if (typeName.endsWith("Filter")) {
            // Filter values that match nothing legitimately answer an empty page: only wrong types.
            bad.put("as a string", "x");
            bad.put("with an unknown field", Map.of("zzUnknown", 1));
            return bad;
        }
        if (registry.getType(typeName, InputObjectTypeDefinition.class).isPresent()) {
            InputObjectTypeDefinition input = registry.getType(typeName, InputObjectTypeDefinition.class).get();
            Map<String, Object> base = valid instanceof Map<?, ?> m ? (Map<String, Object>) HostileJson.copy(m)
                    : new LinkedHashMap<>();
            bad.put("as a string", "x");
            bad.put("as a list of numbers", List.of(1));
            Map<String, Object> unknown = new LinkedHashMap<>(base);
            unknown.put("zzUnknown", 1);
            bad.put("with an unknown field", unknown);
            for (InputValueDefinition f : input.getInputValueDefinitions()) {
                if (f.getType() instanceof NonNullType) {
                    Map<String, Object> missing = new LinkedHashMap<>(base);
                    missing.remove(f.getName());
                    bad.put("." + f.getName() + " missing", missing);
                }
                for (Map.Entry<String, Object> e : badValues(f.getName(), f.getType(), base.get(f.getName()))
                        .entrySet()) {
                    Map<String, Object> changed = new LinkedHashMap<>(base);
                    changed.put(f.getName(), e.getValue());
                    bad.put("." + f.getName() + " " + e.getKey(), changed);
                }
            }
            return bad;
        }
        if (registry.getType(typeName, EnumTypeDefinition.class).isPresent()) {
            String first = registry.getType(typeName, EnumTypeDefinition.class).get().getEnumValueDefinitions().get(0)
                    .getName();
            bad.put("lower case", first.toLowerCase());
            bad.put("unknown", "UNKNOWN");
            bad.put("with a space", first + " ");
            bad.put("as a number", 1);
            return bad;
        }
        switch (typeName) {
            case "Int" -> {
                bad.put("as a string", "1");
                bad.put("fraction", 1.5);
                bad.put("beyond 32 bits", 2147483648L);
                bad.put("below 32 bits", -2147483649L);
                bad.put("huge", new Raw("1e400"));
                bad.put("as a boolean", true);
                if (name.equals("first")) {
                    bad.put("= 0", 0);
                    bad.put("= -1", -1);
                    bad.put("= 1001", 1001);
                } else if (Set.of("version", "stepDays", "horizonDays", "windowDays").contains(name)) {
                    bad.put("= 0", 0);
                    bad.put("= -1", -1);
                } else if (name.equals("expectedRevision")) {
                    bad.put("stale", 999_999);
                    bad.put("negative", -1);
                }
            }
            case "Float" -> {
                bad.put("NaN as a string", "NaN");
                bad.put("Infinity as a string", "Infinity");
                bad.put("NaN token", new Raw("NaN"));
                bad.put("1e309", new Raw("1e309"));
                bad.put("as a boolean", false);
                if (Set.of("weight", "arr", "minCoverage").contains(name)) {
                    bad.put("negative", -1);
                }
            }
            case "Boolean" -> {
                bad.put("as a string", "true");
                bad.put("as a number", 1);
            }
            case "Date", "DateTime" -> {
                for (String d : HostileValues.BAD_DATES) {
                    bad.put("= " + d, d);
                }
                bad.put("as a number", 20260101);
            }
            case "String" -> {
                bad.put("half a surrogate pair", new Raw("\"a\\ud800b\""));
                bad.put("as a number", 123);
                bad.put("as an object", Map.of());
                bad.put("as a boolean", true);
                if (name.equals("after")) {
                    for (String c : HostileValues.BAD_CURSORS) {
                        bad.put("cursor " + (c.length() > 20 ? c.length() + " chars" : c), c);
                    }
                } else if (name.equals("externalId") && creates) {
                    // upsertAccount creates: only ids the service must refuse.
                    for (String id : List.of("", "   ", " lead", "trail ", "x".repeat(201))) {
                        bad.put("= '" + (id.length() > 20 ? id.length() + " chars" : id) + "'", id);
                    }
                } else if (name.equals("key") || REFERENCES.contains(name) || name.equals("id")
                        || name.equals("externalId")) {
                    for (String raw : HostileValues.UNICODE_JSON) {
                        bad.put("unicode " + raw, new Raw(raw));
                    }
                }
            }
            default -> {
            }
        }
        return bad;
    }

    private void add(String group, String what, SpecRoutes.RootField root, Map<String, Object> variables,
                     String secret) {
        out.add(request(group, what, document(root), variables, secret));
    }

    private HostileRequest request(String group, String what, String query, Map<String, Object> variables,
                                   String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return raw(group, what, HostileJson.write(body).getBytes(StandardCharsets.UTF_8), "application/json", secret);
    }

    private HostileRequest raw(String group, String what, byte[] body, String contentType, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (secret != null) {
            headers.put("Authorization", "Bearer " + secret);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HostileRequest(group, what, "POST", "/graphql", headers, body, true);
    }

    /** {@code query($a: T!, ...) { field(a: $a, ...) { leaf fields } }} for a root field. */
    static String document(SpecRoutes.RootField root) {
        FieldDefinition field = root.field();
        List<String> declared = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (InputValueDefinition arg : field.getInputValueDefinitions()) {
            declared.add("$" + arg.getName() + ": " + AstPrinter.printAst(arg.getType()));
            passed.add(arg.getName() + ": $" + arg.getName());
        }
        String op = root.type().equals("Query") ? "query" : "mutation";
        return op + (declared.isEmpty() ? "" : "(" + String.join(", ", declared) + ")") + " { " + field.getName()
                + (passed.isEmpty() ? "" : "(" + String.join(", ", passed) + ")") + selection(field.getType()) + " }";
    }

    /** The leaf fields (scalars and enums without arguments) of an object type, or nothing for a leaf. */
    static String selection(Type<?> type) {
        Type<?> t = type;
        while (!(t instanceof TypeName)) {
            t = t instanceof NonNullType nn ? nn.getType() : ((ListType) t).getType();
        }
        var object = SpecRoutes.GRAPHQL.getType(((TypeName) t).getName(), ObjectTypeDefinition.class);
        if (object.isEmpty()) {
            return "";
        }
        List<String> leaves = new ArrayList<>();
        for (FieldDefinition f : object.get().getFieldDefinitions()) {
            if (f.getInputValueDefinitions().stream().noneMatch(a -> a.getType() instanceof NonNullType)
                    && isLeaf(f.getType())) {
                leaves.add(f.getName());
            }
        }
        return " { __typename " + String.join(" ", leaves) + " }";
    }

    private static boolean isLeaf(Type<?> type) {
        Type<?> t = type;
        while (!(t instanceof TypeName)) {
            t = t instanceof NonNullType nn ? nn.getType() : ((ListType) t).getType();
        }
        return SpecRoutes.GRAPHQL.getType(((TypeName) t).getName(), ObjectTypeDefinition.class).isEmpty();
    }

    private void transport() {
        String group = "graphql transport";
        String ok = "{\"query\":\"{ frameworks { framework } }\"}";
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty body", new byte[0]);
        bodies.put("null", b("null"));
        bodies.put("an array", b("[" + ok + "]"));
        bodies.put("truncated", b(ok.substring(0, 10)));
        bodies.put("no query", b("{\"variables\":{}}"));
        bodies.put("query null", b("{\"query\":null}"));
        bodies.put("query a number", b("{\"query\":123}"));
        bodies.put("query blank", b("{\"query\":\"   \"}"));
        bodies.put("query a lone surrogate", b("{\"query\":\"\\ud800\"}"));
        bodies.put("query with NUL", b("{\"query\":\"{ frameworks\\u0000 { framework } }\"}"));
        bodies.put("syntax error", b("{\"query\":\"{ frameworks { framework }\"}"));
        bodies.put("unknown field", b("{\"query\":\"{ nope }\"}"));
        bodies.put("unknown operation name", b("{\"query\":\"query A { frameworks { framework } }\","
                + "\"operationName\":\"B\"}"));
        bodies.put("variables a string", b("{\"query\":\"{ frameworks { framework } }\",\"variables\":\"x\"}"));
        bodies.put("variables an array", b("{\"query\":\"{ frameworks { framework } }\",\"variables\":[1]}"));
        bodies.put("unknown member", b("{\"query\":\"{ frameworks { framework } }\",\"zzUnknown\":1}"));
        bodies.put("query twice", b("{\"query\":\"{ frameworks { framework } }\",\"query\":\"{ x }\"}"));
        bodies.put("subscription", b("{\"query\":\"subscription { frameworks { framework } }\"}"));
        bodies.put("unknown directive", b("{\"query\":\"{ frameworks @nope { framework } }\"}"));
        bodies.put("skip with a string", b("{\"query\":\"{ frameworks @skip(if: \\\"x\\\") { framework } }\"}"));
        bodies.put("fragment cycle", b("{\"query\":\"{ ...A } fragment A on Query { ...B } fragment B on Query "
                + "{ ...A }\"}"));
        bodies.put("too deep", b("{\"query\":\"{ __schema { types { " + "fields { type { ".repeat(8) + "name"
                + " } }".repeat(8) + " } } }\"}"));
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            aliases.append("a").append(i).append(": accounts(first: 1000) { nodes { externalId } } ");
        }
        bodies.put("complexity bomb", b("{\"query\":\"{ " + aliases + "}\"}"));
        bodies.put("over 1 MiB", b("{\"query\":\"{ frameworks { framework } }\",\"pad\":\""
                + HostileValues.MEGABYTE + "\"}"));
        bodies.put("Int literal beyond 32 bits", b("{\"query\":\"{ metrics(first: 99999999999) { nodes { key } } }\"}"));
        bodies.forEach((what, body) -> out.add(raw(group, what, body, "application/json", ws.admin())));
        for (String type : List.of("text/plain", "application/graphql", "application/xml",
                "application/x-www-form-urlencoded")) {
            out.add(raw(group, "Content-Type " + type, b(ok), type, ws.admin()));
        }
        out.add(raw(group, "no Content-Type", b(ok), null, ws.admin()));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + ws.admin());
            out.add(new HostileRequest(group, method + " not offered", method, "/graphql?query=%7Bframeworks%7Bframework%7D%7D",
                    headers, method.equals("GET") ? null : b(ok), true));
        }
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
