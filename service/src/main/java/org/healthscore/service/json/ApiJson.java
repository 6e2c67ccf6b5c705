package org.healthscore.service.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.jackson.Jackson;

/**
 * The API's JSON rules. Dropwizard's mapper is lenient (unknown fields ignored, fuzzy enums,
 * {@code 123} read as {@code "123"}, {@code 1.5} as {@code 1}); a client that sends the wrong
 * thing must hear so, so the mapper that reads requests is made strict here.
 */
public final class ApiJson {

    private ApiJson() {
    }

    /** A new strict mapper with Dropwizard's modules: for tests and code that runs outside the server. */
    public static ObjectMapper newMapper() {
        return configure(Jackson.newObjectMapper());
    }

    @SuppressWarnings("deprecation") // configure(MapperFeature) is the only way on an already built mapper
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);

        // Registered after Dropwizard's fuzzy enum module, so its modifier has the last word.
        SimpleModule exactEnums = new SimpleModule("exact-enums");
        exactEnums.setDeserializerModifier(new ExactEnumModifier());
        mapper.registerModule(exactEnums);
        SimpleModule strict = new SimpleModule("strict-values");
        strict.addDeserializer(java.time.LocalDate.class, new CalendarDates.StrictDeserializer());
        strict.addDeserializer(java.time.Instant.class, new CalendarDates.StrictInstantDeserializer());
        strict.addDeserializer(String.class, new WellFormedStrings());
        mapper.registerModule(strict);
        return mapper;
    }
}
