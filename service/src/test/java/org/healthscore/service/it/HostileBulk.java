package org.healthscore.service.it;

import io.swagger.v3.oas.models.media.Schema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.healthscore.service.it.HostileBases.Base;

/**
 * Hostile bodies for the bulk routes in their three formats. Each body holds a valid new row and
 * then one bad row, so "nothing stored" also proves all-or-nothing. JSON arrays and NDJSON get
 * every row variant {@link HostileBodies} derives from the row schema; CSV gets cells outside each
 * column's rule and broken CSV (quotes, ragged rows, headers, encodings).
 */
final class HostileBulk {

    record Variant(String what, String contentType, byte[] body) {
    }

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String NDJSON = "application/x-ndjson";

    private HostileBulk() {
    }

    @SuppressWarnings("unchecked")
    static List<Variant> of(SpecRoutes.Route route, Base base, Schema<?> arraySchema) {
        List<Variant> out = new ArrayList<>();
        List<Object> rows = (List<Object>) base.body();
        for (HostileBodies.Variant v : HostileBodies.of(arraySchema, HostileJson.copy(rows))) {
            if (lenientByDesign(v.what())) {
                continue;
            }
            out.add(new Variant("json " + v.what(), "application/json", bytes(HostileJson.write(v.body()))));
            if (v.body() instanceof List<?> list && list.size() == rows.size()) {
                StringBuilder ndjson = new StringBuilder();
                list.forEach(row -> ndjson.append(HostileJson.write(row)).append('\n'));
                out.add(new Variant("ndjson " + v.what(), NDJSON, bytes(ndjson.toString())));
            }
        }
        String first = HostileJson.write(rows.get(0));
        Map<String, byte[]> ndjson = new LinkedHashMap<>();
        ndjson.put("a line that is not JSON", bytes(first + "\nnot json\n"));
        ndjson.put("a line that is an array", bytes(first + "\n[1,2]\n"));
        ndjson.put("two objects on a line", bytes(first + "\n" + first + first + "\n"));
        ndjson.put("a truncated line", bytes(first + "\n" + first.substring(0, first.length() / 2) + "\n"));
        ndjson.put("a line of null", bytes(first + "\nnull\n"));
        ndjson.put("a JSON array instead of lines", bytes("[" + first + "]"));
        ndjson.put("bytes that are not UTF-8", concat(bytes(first + "\n{\"x\":\""), new byte[] {(byte) 0xFF},
                bytes("\"}\n")));
        ndjson.forEach((what, body) -> out.add(new Variant("ndjson " + what, NDJSON, body)));

        Map<String, Object> good = (Map<String, Object>) rows.get(0);
        Map<String, Object> row = (Map<String, Object>) rows.get(rows.size() - 1);
        Schema<?> rowSchema = arraySchema.getItems();
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(rowSchema.getRequired()));
        row.keySet().forEach(c -> {
            if (!columns.contains(c)) {
                columns.add(c);
            }
        });
        String header = String.join(",", columns);
        String goodLine = line(columns, good, Map.of());
        String rowLine = line(columns, row, Map.of());
        for (String column : columns) {
            Schema<?> schema = (Schema<?>) rowSchema.getProperties().get(column);
            boolean required = rowSchema.getRequired().contains(column);
            for (String cell : badCells(schema, column, required)) {
                String bad = line(columns, row, Map.of(column, cell));
                out.add(new Variant("csv " + column + " = " + clip(cell), CSV, bytes(header + "\n" + goodLine
                        + "\n" + bad + "\n")));
            }
        }
        Map<String, byte[]> csv = new LinkedHashMap<>();
        csv.put("an unclosed quote", bytes(header + "\n" + goodLine + "\n\"" + rowLine + "\n"));
        csv.put("a cell more", bytes(header + "\n" + goodLine + "\n" + rowLine + ",extra\n"));
        csv.put("a cell less", bytes(header + "\n" + goodLine + "\n" + rowLine.substring(0, rowLine.lastIndexOf(','))
                + "\n"));
        csv.put("an unknown column", bytes(header + ",zzUnknown\n" + goodLine + ",1\n"));
        csv.put("a column twice", bytes(header + "," + columns.get(0) + "\n" + goodLine + ","
                + String.valueOf(good.get(columns.get(0))) + "\n"));
        csv.put("a required column missing", bytes(String.join(",", columns.subList(1, columns.size())) + "\n"
                + goodLine.substring(goodLine.indexOf(',') + 1) + "\n"));
        csv.put("an empty column name", bytes(header + ",\n" + goodLine + ",1\n"));
        csv.put("no header at all", bytes(goodLine + "\n" + rowLine + "\n"));
        csv.put("an empty body", new byte[0]);
        String dated = columns.stream().filter(c -> c.endsWith("At") || c.endsWith("Date")).findFirst().orElseThrow();
        String day = String.valueOf(row.get(dated));
        csv.put("a NUL byte inside a date", bytes(header + "\n" + goodLine + "\n" + line(columns, row, Map.of(dated,
                day.substring(0, 4) + "\u0000" + day.substring(4))) + "\n"));
        csv.put("a lone surrogate as bytes", concat(bytes(header + "\n" + goodLine + "\n"),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes(rowLine + "\n")));
        csv.put("bytes that are not UTF-8", concat(bytes(header + "\n" + goodLine + "\n"),
                new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes(rowLine + "\n")));
        csv.put("a JSON body sent as CSV", bytes(HostileJson.write(rows)));
        csv.forEach((what, body) -> out.add(new Variant("csv " + what, CSV, body)));

        byte[] valid = bytes(HostileJson.write(rows));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/tab-separated-values")) {
            out.add(new Variant("Content-Type " + type, type, valid));
        }
        out.add(new Variant("no Content-Type", null, valid));
        return out;
    }

    /**
     * Bulk rows read JSON as CSV cells are read (RowFields): a number where text is expected and
     * numeric text where a number is, mean the same; blank text is an absent value.
     */
    private static boolean lenientByDesign(String what) {
        return what.endsWith(" as 123") || what.endsWith(" as \"12\"") || what.endsWith(" = \"12\"")
                || what.endsWith(" = \"\"") || what.endsWith(" = \" \"")
                || what.matches(".* = \"( [A-Z_]+|[A-Z_]+ )\"");
    }

    /** Cells the column's rule refuses; an empty cell is an absent value, so only for required columns. */
    private static List<String> badCells(Schema<?> schema, String column, boolean required) {
        List<String> cells = new ArrayList<>();
        String type = schema.getType() == null ? "string" : schema.getType();
        if (type.equals("number") || type.equals("integer")) {
            cells.addAll(List.of("NaN", "Infinity", "-Infinity", "1e309", "abc", "1,5", "0x10", "1 2", "\u0661"));
            if (schema.getMinimum() != null) {
                cells.add("-1");
            }
        } else {
            for (String raw : HostileBodies.strings(schema, column)) {
                cells.add(HostileBodies.decode(raw));
            }
        }
        // Half a surrogate pair has no UTF-8 form (it would be sent as '?'): "a lone surrogate as bytes" covers it.
        cells.removeIf(c -> !org.healthscore.service.validation.UnicodeText.isWellFormed(c));
        // The CSV reader trims spaces and control characters around a cell, as it should: only the
        // inside of a cell counts, and a cell that trims to nothing is an absent value.
        cells.removeIf(c -> !trimmed(c).equals(c) && !trimmed(c).isEmpty());
        if (!required) {
            cells.removeIf(c -> trimmed(c).isEmpty());
        } else if (!cells.contains("")) {
            cells.add("");
        }
        return cells;
    }

    private static String trimmed(String cell) {
        return cell.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
    }

    private static String line(List<String> columns, Map<String, Object> row, Map<String, String> override) {
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
            String value = override.containsKey(c) ? override.get(c) : row.get(c) == null ? "" : String.valueOf(row.get(c));
            cells.add(value.matches(".*[,\"\\r\\n].*") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"")
                    + "\"" : value);
        }
        return String.join(",", cells);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value;
    }
}
