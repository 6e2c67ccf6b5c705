package org.healthscore.service.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.healthscore.service.it.HostileJson.Raw;
import org.healthscore.service.it.HostileJson.Twice;

/**
 * Walks a request-body schema of openapi.yaml beside a valid body and derives, node by node, bodies
 * that break exactly one rule the schema states: a wrong JSON type, a missing required member, an
 * unknown member, a duplicated key, a string outside its pattern, enum, format or length, a number
 * outside its range or not finite, an array over its size or with duplicates. Members that must
 * name something stored (an account, a metric, a scorecard, a column) get names that exist nowhere,
 * unicode edge cases among them. A value the schema allows is never generated, so every body is one
 * the service must refuse.
 */
final class HostileBodies {

    /** One derived body: how it is hostile, and the whole body tree with the change in place. */
    record Variant(String what, Object body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Members that must name something stored in the workspace or the file. */
    private static final Set<String> REFERENCES = Set.of("account", "metric", "scorecard", "accountColumn",
            "segmentColumn", "productLineColumn", "column");
    /** String members that hold dates or timestamps though the schema does not give a format. */
    private static final Set<String> DATES = Set.of("observedAt", "occurredAt");

    private HostileBodies() {
    }

    static List<Variant> of(Schema<?> schema, Object body) {
        return walk(schema, body, "body", true);
    }

    @SuppressWarnings("unchecked")
    private static List<Variant> walk(Schema<?> schema, Object value, String where, boolean required) {
        List<Variant> out = new ArrayList<>();
        String type = typeOf(schema);
        for (String raw : wrongTypes(type)) {
            out.add(new Variant(where + " as " + raw, new Raw(raw)));
        }
        if (value == null && required && !Boolean.TRUE.equals(schema.getNullable()) && !where.equals("body")) {
            out.add(new Variant(where + " null", null));
        }
        switch (type) {
            case "object", "composed" -> object(schema, value instanceof Map<?, ?> m ? (Map<String, Object>) m
                    : new LinkedHashMap<>(), where, out);
            case "array" -> array(schema, value instanceof List<?> l ? (List<Object>) l : new ArrayList<>(), where,
                    out);
            case "string" -> strings(schema, where).forEach(raw -> out.add(new Variant(where + " = " + clip(raw),
                    new Raw(raw))));
            case "integer" -> numbers(schema, where, true).forEach(raw -> out.add(new Variant(where + " = "
                    + clip(raw), new Raw(raw))));
            case "number" -> numbers(schema, where, false).forEach(raw -> out.add(new Variant(where + " = "
                    + clip(raw), new Raw(raw))));
            default -> {
            }
        }
        return out;
    }

    private static void object(Schema<?> schema, Map<String, Object> value, String where, List<Variant> out) {
        boolean closed = Boolean.FALSE.equals(schema.getAdditionalProperties()) || "composed".equals(typeOf(schema));
        if (closed) {
            Map<String, Object> extra = copy(value);
            extra.put("zzUnknown", 1);
            out.add(new Variant(where + " with an unknown member", extra));
        }
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (String name : required) {
            Map<String, Object> missing = copy(value);
            missing.put(name, HostileJson.ABSENT);
            out.add(new Variant(where + "." + name + " missing", missing));
        }
        for (Map.Entry<String, Schema> p : properties.entrySet()) {
            String name = p.getKey();
            Object child = value.get(name);
            for (Variant v : walk(p.getValue(), child, where + "." + name, required.contains(name))) {
                Map<String, Object> changed = copy(value);
                changed.put(name, v.body());
                out.add(new Variant(v.what(), changed));
            }
            if (child != null) {
                Map<String, Object> twice = copy(value);
                twice.put(name, new Twice(child, child));
                out.add(new Variant(where + "." + name + " given twice", twice));
            }
        }
    }

    private static void array(Schema<?> schema, List<Object> value, String where, List<Variant> out) {
        Integer max = schema.getMaxItems();
        if (max != null && max <= 1000 && !value.isEmpty()) {
            List<Object> over = new ArrayList<>();
            for (int i = 0; i <= max; i++) {
                over.add(value.get(0) instanceof String s ? s + i : HostileJson.copy(value.get(0)));
            }
            out.add(new Variant(where + " with " + (max + 1) + " items", over));
        }
        if (Boolean.TRUE.equals(schema.getUniqueItems()) && !value.isEmpty()) {
            List<Object> dup = copy(value);
            dup.add(HostileJson.copy(value.get(0)));
            out.add(new Variant(where + " with a duplicate", dup));
        }
        if (schema.getMinItems() != null && schema.getMinItems() > 0) {
            out.add(new Variant(where + " empty", new ArrayList<>()));
        }
        Schema<?> items = schema.getItems();
        if (items == null) {
            return;
        }
        // The last element: bulk bodies keep a valid new row before it.
        int at = Math.max(0, value.size() - 1);
        Object element = value.isEmpty() ? null : value.get(at);
        for (Variant v : walk(items, element, where + "[" + at + "]", true)) {
            List<Object> changed = copy(value);
            if (changed.isEmpty()) {
                changed.add(v.body());
            } else {
                changed.set(at, v.body());
            }
            out.add(new Variant(v.what(), changed));
        }
    }

    /** Strings the schema refuses for this member. */
    static List<String> strings(Schema<?> schema, String where) {
        String name = where.substring(where.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        List<String> out = new ArrayList<>();
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            String first = String.valueOf(schema.getEnum().get(0));
            String otherCase = first.equals(first.toLowerCase()) ? first.toUpperCase() : first.toLowerCase();
            out.addAll(List.of(quote(otherCase), quote(first + " "), quote(" " + first), "\"UNKNOWN\"",
                    "\"" + first + "\\u0000\"", "\"\\ud800\"", "\"\"", quote(first + "\u200b")));
            return out;
        }
        if ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat()) || DATES.contains(name)) {
            HostileValues.BAD_DATES.forEach(d -> out.add(quote(d)));
            return out;
        }
        if (schema.getPattern() != null || REFERENCES.contains(name)) {
            Pattern pattern = schema.getPattern() == null ? null : Pattern.compile(schema.getPattern());
            for (String raw : HostileValues.UNICODE_JSON) {
                if (pattern == null || !pattern.matcher(decode(raw)).find()) {
                    out.add(raw);
                }
            }
        }
        // Half a surrogate pair is not text in any member, whatever its rules (UnicodeText).
        for (String lone : List.of("\"a\\ud800b\"", "\"\\udc00\"")) {
            if (!out.contains(lone)) {
                out.add(lone);
            }
        }
        if (schema.getMaxLength() != null && schema.getMaxLength() < 100_000) {
            out.add(quote("x".repeat(schema.getMaxLength() + 1)));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0 && !out.contains("\"\"")) {
            out.add("\"\"");
        }
        return out;
    }

    /** Numbers or tokens the schema refuses for this member. */
    static List<String> numbers(Schema<?> schema, String where, boolean integer) {
        List<String> out = new ArrayList<>(integer ? HostileValues.BAD_INT_JSON : HostileValues.BAD_NUMBER_JSON);
        BigDecimal min = schema.getMinimum();
        if (min != null) {
            boolean exclusive = Boolean.TRUE.equals(schema.getExclusiveMinimum());
            out.add(exclusive ? min.toPlainString() : min.subtract(integer ? BigDecimal.ONE : new BigDecimal("0.01"))
                    .toPlainString());
            out.add("-1e308");
        }
        BigDecimal max = schema.getMaximum();
        if (max != null) {
            out.add(max.add(integer ? BigDecimal.ONE : new BigDecimal("0.01")).toPlainString());
            out.add(integer ? "2147483647" : "1e308");
        }
        return out;
    }

    private static List<String> wrongTypes(String type) {
        return switch (type) {
            case "string" -> List.of("123", "true", "{}", "[]");
            case "integer", "number" -> List.of("\"12\"", "false", "[1]", "{}");
            case "boolean" -> List.of("\"true\"", "1", "\"yes\"");
            case "array" -> List.of("{}", "\"x\"", "1");
            case "object", "composed" -> List.of("[]", "\"x\"", "1");
            default -> List.of();
        };
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema instanceof io.swagger.v3.oas.models.media.ComposedSchema composed) {
            if (composed.getAllOf() != null && composed.getAllOf().size() == 1) {
                return typeOf(composed.getAllOf().get(0));
            }
            return "composed";
        }
        return "unknown";
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String decode(String rawJsonString) {
        try {
            return JSON.readValue(rawJsonString, String.class);
        } catch (Exception e) {
            return rawJsonString;
        }
    }

    private static String clip(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "...(" + raw.length() + ")" : raw;
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        return (T) HostileJson.copy(value);
    }
}
