package org.healthscore.service.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.healthscore.service.problem.ApiException;

/**
 * Reads a bulk body one row at a time, whatever its format, so a request of any size is never
 * held in memory. A body that cannot be parsed at all is a 400; a row that parses but is not a
 * row (a number in a JSON array, a CSV line with too many cells) is a row error.
 */
public abstract class BulkReader implements Closeable {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
            .build();

    protected final RowErrors errors;

    protected BulkReader(RowErrors errors) {
        this.errors = errors;
    }

    /** The next row, or null at the end of the body. */
    public abstract BulkRow next() throws IOException;

    /** The CSV header's columns in file order; null for JSON formats. */
    public List<String> columns() {
        return null;
    }

    public static BulkReader open(BulkFormat format, InputStream body, ObjectMapper json, RowErrors errors)
            throws IOException {
        return switch (format) {
            case JSON -> new JsonArrayReader(body, json, errors);
            case NDJSON -> new NdjsonReader(body, json, errors);
            case CSV -> new CsvReader(body, json, errors);
        };
    }

    private static final class JsonArrayReader extends BulkReader {
        private final JsonParser parser;
        /** Reads one element; the body's trailing content is checked once, at the end of the array. */
        private final ObjectReader element;
        private long index;

        JsonArrayReader(InputStream body, ObjectMapper json, RowErrors errors) throws IOException {
            super(errors);
            this.element = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            this.parser = json.createParser(body);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw ApiException.badRequest("body", "must be a JSON array of rows");
            }
        }

        @Override
        public BulkRow next() throws IOException {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw ApiException.badRequest("body", "ends before the array is closed");
                }
                if (token == JsonToken.END_ARRAY) {
                    if (parser.nextToken() != null) {
                        throw ApiException.badRequest("body", "has content after the JSON array");
                    }
                    return null;
                }
                index++;
                JsonNode node = element.readValue(parser);
                if (node instanceof ObjectNode object) {
                    return new BulkRow(index, object);
                }
                errors.add(index, "row", "must be a JSON object");
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static final class NdjsonReader extends BulkReader {
        private final BufferedReader reader;
        private final ObjectMapper json;
        private long line;

        NdjsonReader(InputStream body, ObjectMapper json, RowErrors errors) {
            super(errors);
            this.json = json;
            // REPORT, not the default REPLACE: bytes that are not UTF-8 must not be stored as U+FFFD.
            this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)), 1 << 16);
        }

        @Override
        public BulkRow next() throws IOException {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = json.readTree(text);
                    if (node instanceof ObjectNode object) {
                        return new BulkRow(line, object);
                    }
                    errors.add(line, "row", "must be a JSON object");
                } catch (JsonProcessingException e) {
                    errors.add(line, "row", "is not well-formed JSON");
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static final class CsvReader extends BulkReader {
        private final MappingIterator<Map<String, String>> rows;
        private final ObjectMapper json;
        private final List<String> columns;
        private boolean done;

        CsvReader(InputStream body, ObjectMapper json, RowErrors errors) throws IOException {
            super(errors);
            this.json = json;
            this.rows = CSV.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(body);
            List<String> names = new ArrayList<>();
            try {
                rows.hasNextValue(); // reads the header (and the first row)
            } catch (IOException | RuntimeJsonMappingException e) {
                throw ApiException.badRequest("body", "is not a CSV file with a header line");
            }
            if (rows.getParserSchema() instanceof CsvSchema schema) {
                schema.forEach(column -> names.add(column.getName()));
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String name : names) {
                if (!seen.add(name)) {
                    errors.add(1, name, "is named twice in the header");
                }
            }
            errors.throwIfAny();
            this.columns = List.copyOf(names);
        }

        @Override
        public List<String> columns() {
            return columns;
        }

        @Override
        public BulkRow next() throws IOException {
            while (!done && !errors.full()) {
                // Before the row is read, the parser stands at the start of its first line.
                long line = rows.getParser().currentLocation().getLineNr();
                try {
                    if (!rows.hasNextValue()) {
                        done = true;
                        return null;
                    }
                    Map<String, String> cells = rows.nextValue();
                    if (cells.size() < columns.size()) {
                        // A short line would silently clear the fields it lacks (a bulk row replaces them all).
                        errors.add(line, "row", "has fewer cells than the header has columns");
                        continue;
                    }
                    ObjectNode fields = json.createObjectNode();
                    cells.forEach(fields::put);
                    return new BulkRow(line, fields);
                } catch (RuntimeJsonMappingException | JsonProcessingException e) {
                    // The parser cannot resynchronise after a broken line: report it and stop reading.
                    errors.add(line, "row", "is not a valid CSV row (more cells than the header has columns,"
                            + " or an unclosed quote)");
                    done = true;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    /** Reads every row through {@code consumer}, stopping early once the error list is full. */
    public void forEach(RowConsumer consumer) {
        try {
            BulkRow row;
            while (!errors.full() && (row = next()) != null) {
                consumer.accept(row);
            }
        } catch (java.io.CharConversionException | java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("body", "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchElementException e) {
            throw ApiException.badRequest("body", "ended unexpectedly");
        }
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(BulkRow row);
    }
}
