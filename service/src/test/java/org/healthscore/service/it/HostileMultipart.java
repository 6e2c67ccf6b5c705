package org.healthscore.service.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile bodies for the wide import ({@code multipart/form-data} with a CSV {@code file} and a JSON
 * {@code mapping}): every mapping variant {@link HostileBodies} derives from WideImportMapping,
 * files with a bad row after a valid one, and broken multipart (missing or doubled parts, wrong or
 * absent boundaries, a body that is not multipart at all).
 */
final class HostileMultipart {

    record Variant(String what, String contentType, byte[] body) {
    }

    private static final String BOUNDARY = "hostile-boundary-7d1f";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private HostileMultipart() {
    }

    static Variant valid() {
        return new Variant("valid", TYPE, body(List.of(file(HostileBases.WIDE_FILE), mapping(mappingText()))));
    }

    static List<Variant> of(SpecRoutes.Route route) {
        List<Variant> out = new ArrayList<>();
        var schema = route.operation().getRequestBody().getContent().get("multipart/form-data").getSchema();
        var mappingSchema = (io.swagger.v3.oas.models.media.Schema<?>) schema.getProperties().get("mapping");
        for (HostileBodies.Variant v : HostileBodies.of(mappingSchema, HostileBases.wideMapping())) {
            out.add(new Variant("mapping " + v.what(), TYPE, body(List.of(file(HostileBases.WIDE_FILE),
                    mapping(HostileJson.write(v.body()))))));
        }
        String header = "id,seg,tenure,churn\n";
        String good = "a00,ENT,5,No\n";
        Map<String, String> rows = new LinkedHashMap<>();
        for (String cell : List.of("abc", "NaN", "Infinity", "1e309", "\"1,5\"", "low", "0x10")) {
            rows.put("tenure = " + cell, "a01,SMB," + cell + ",No\n");
        }
        for (String id : List.of("x".repeat(201), "\"\"")) {
            rows.put("account id = " + (id.length() > 20 ? id.length() + " chars" : id), id + ",SMB,5,No\n");
        }
        rows.put("an unclosed quote", "\"a01,SMB,5,No\n");
        rows.put("a cell more", "a01,SMB,5,No,extra\n");
        rows.put("a cell less", "a01,SMB\n");
        rows.put("a NUL byte inside a number", "a01,SMB,5\u00007,No\n");
        rows.forEach((what, row) -> out.add(new Variant("file " + what, TYPE, body(List.of(
                file(header + good + row), mapping(mappingText()))))));
        out.add(new Variant("file without the mapped column", TYPE, body(List.of(file("id,seg,churn\na00,ENT,No\n"),
                mapping(mappingText())))));
        out.add(new Variant("file that is not UTF-8", TYPE, body(List.of(filePart(HostileBulk.concat(
                HostileBulk.bytes(header + good), new byte[] {(byte) 0xFF, (byte) 0xFE, ','}, HostileBulk.bytes(
                        "SMB,5,No\n"))), mapping(mappingText())))));
        out.add(new Variant("an empty file", TYPE, body(List.of(file(""), mapping(mappingText())))));

        Map<String, List<byte[]>> parts = new LinkedHashMap<>();
        parts.put("no mapping part", List.of(file(HostileBases.WIDE_FILE)));
        parts.put("no file part", List.of(mapping(mappingText())));
        parts.put("no parts", List.of());
        parts.put("mapping that is not JSON", List.of(file(HostileBases.WIDE_FILE), mapping("{accountColumn: id")));
        parts.put("mapping null", List.of(file(HostileBases.WIDE_FILE), mapping("null")));
        parts.put("mapping an array", List.of(file(HostileBases.WIDE_FILE), mapping("[]")));
        parts.put("mapping with a duplicated key", List.of(file(HostileBases.WIDE_FILE), mapping(
                mappingText().replaceFirst("\\{", "{\"accountColumn\":\"seg\","))));
        parts.put("parts named otherwise", List.of(part("files", "text/csv", HostileBulk.bytes(HostileBases.WIDE_FILE),
                "f.csv"), part("map", "application/json", HostileBulk.bytes(mappingText()), null)));
        parts.forEach((what, list) -> out.add(new Variant(what, TYPE, body(list))));

        byte[] valid = valid().body();
        out.add(new Variant("no boundary", "multipart/form-data", valid));
        out.add(new Variant("another boundary", "multipart/form-data; boundary=other", valid));
        out.add(new Variant("a body that is not multipart", TYPE, HostileBulk.bytes("just text")));
        out.add(new Variant("an unterminated multipart body", TYPE, java.util.Arrays.copyOf(valid, valid.length / 2)));
        out.add(new Variant("JSON instead of multipart", "application/json", HostileBulk.bytes(mappingText())));
        out.add(new Variant("CSV instead of multipart", "text/csv", HostileBulk.bytes(HostileBases.WIDE_FILE)));
        out.add(new Variant("no Content-Type", null, valid));
        return out;
    }

    private static String mappingText() {
        return HostileJson.write(HostileBases.wideMapping());
    }

    private static byte[] file(String csv) {
        return filePart(HostileBulk.bytes(csv));
    }

    private static byte[] filePart(byte[] csv) {
        return part("file", "text/csv", csv, "accounts.csv");
    }

    private static byte[] mapping(String json) {
        return part("mapping", "application/json", HostileBulk.bytes(json), null);
    }

    private static byte[] part(String name, String type, byte[] content, String filename) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        return HostileBulk.concat(HostileBulk.bytes(head), content, HostileBulk.bytes("\r\n"));
    }

    private static byte[] body(List<byte[]> parts) {
        List<byte[]> all = new ArrayList<>(parts);
        all.add(HostileBulk.bytes("--" + BOUNDARY + "--\r\n"));
        return HostileBulk.concat(all.toArray(byte[][]::new));
    }
}
