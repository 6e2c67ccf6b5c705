package org.healthscore.service.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads an enum only from its exact constant name: {@code "higher-is-better"} is an error, not a guess. */
final class ExactEnumModifier extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                      BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new ExactEnumDeserializer(type.getRawClass());
    }

    private static final class ExactEnumDeserializer extends StdScalarDeserializer<Enum<?>> {

        private final Map<String, Enum<?>> byName = new LinkedHashMap<>();
        private final String accepted;

        ExactEnumDeserializer(Class<?> enumClass) {
            super(enumClass);
            for (Object constant : enumClass.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                byName.put(e.name(), e);
            }
            accepted = Arrays.stream(enumClass.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }

        @Override
        public Enum<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Enum<?>) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            Enum<?> value = byName.get(text);
            if (value == null) {
                return (Enum<?>) ctxt.handleWeirdStringValue(handledType(), text, "must be one of " + accepted);
            }
            return value;
        }
    }
}
