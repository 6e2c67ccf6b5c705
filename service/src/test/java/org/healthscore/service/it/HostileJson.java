package org.healthscore.service.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON writer that, unlike a mapper, writes what it is told: {@link Raw} text verbatim (NaN,
 * lone-surrogate escapes, truncated tokens) and {@link Twice} as a duplicated key. Bodies are
 * trees of maps, lists, strings, numbers, booleans, nulls and those two.
 */
final class HostileJson {

    private HostileJson() {
    }

    /** JSON text written as is. */
    record Raw(String text) {
    }

    /** A member written twice: first {@code first}, then {@code second}, under the same key. */
    record Twice(Object first, Object second) {
    }

    /** A marker for "leave this member out". */
    static final Object ABSENT = new Object();

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() == ABSENT) {
                    continue;
                }
                List<Object> values = e.getValue() instanceof Twice t ? List.of(t.first(), t.second())
                        : java.util.Collections.singletonList(e.getValue());
                for (Object v : values) {
                    out.append(first ? "" : ",");
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(v, out);
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not JSON: " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A deep copy of a body tree, so a mutation never touches the base it came from. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }
}
