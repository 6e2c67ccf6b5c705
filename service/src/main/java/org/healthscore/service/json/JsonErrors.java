package org.healthscore.service.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.List;
import org.healthscore.api.problem.FieldError;

/** Says in words, with the field's dotted path, why Jackson could not read a body. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static FieldError describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof JsonParseException parse
                && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field")) {
            // Inside an object Jackson wraps the parse error; its path names the enclosing field.
            FieldError inner = describe(parse);
            String parent = path(mapping);
            String name = inner.field().contains(".") ? inner.field().substring(inner.field().lastIndexOf('.') + 1)
                    : inner.field();
            return new FieldError("body".equals(parent) ? name : parent + "." + name, inner.reason());
        }
        if (e instanceof JsonParseException parse) {
            String message = String.valueOf(parse.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                int open = message.indexOf('\'');
                String name = open >= 0 ? message.substring(open + 1, message.lastIndexOf('\'')) : "?";
                String parent = parse.getProcessor() != null && parse.getProcessor().getParsingContext() != null
                        ? pathOfContext(parse) : "";
                return new FieldError(parent.isEmpty() ? name : parent + "." + name, "appears more than once");
            }
            return new FieldError("body", "is not well-formed JSON" + where(e));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException typeId) {
            String path = path(typeId);
            String known = "";
            var subtypes = typeId.getBaseType() == null ? null
                    : typeId.getBaseType().getRawClass().getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
            if (subtypes != null) {
                known = ": " + String.join(", ", java.util.Arrays.stream(subtypes.value())
                        .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).toList());
            }
            return new FieldError("body".equals(path) ? "type" : path + ".type", "must be one of the known types" + known);
        }
        if (e instanceof PropertyBindingException unknown) {
            return new FieldError(path(unknown), "is not a known field; known fields: "
                    + String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldError(path(format), "must be one of " + enumNames(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String path = path(mismatch);
            if (String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
                return new FieldError("body", "has content after the JSON value" + where(e));
            }
            if (String.valueOf(mismatch.getOriginalMessage()).startsWith("No content")) {
                return new FieldError("body", "is required");
            }
            return new FieldError(path, "must be " + expected(mismatch.getTargetType()));
        }
        if (e instanceof DatabindException databind && databind instanceof JsonMappingException mapping) {
            return new FieldError(path(mapping), "has a value that cannot be read");
        }
        return new FieldError("body", "is not well-formed JSON" + where(e));
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String pathOfContext(JsonParseException e) {
        List<String> names = new java.util.ArrayList<>();
        for (var ctx = e.getProcessor().getParsingContext().getParent(); ctx != null; ctx = ctx.getParent()) {
            if (ctx.getCurrentName() != null) {
                names.add(0, ctx.getCurrentName());
            } else if (ctx.inArray()) {
                names.add(0, "[" + ctx.getCurrentIndex() + "]");
            }
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + enumNames(type);
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or timestamp";
        }
        return "an object";
    }

    private static String enumNames(Class<?> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .toList());
    }
}
