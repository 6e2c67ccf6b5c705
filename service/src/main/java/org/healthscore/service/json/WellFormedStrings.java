package org.healthscore.service.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import org.healthscore.service.validation.UnicodeText;

/**
 * JSON text that is valid Unicode. JSON lets a client escape half a surrogate pair ({@code "\ud800"});
 * H2 stores it, MySQL's driver writes '?', so a name would silently differ by database. Every other
 * token goes to the stock reader, whose coercion rules (no numbers or booleans as text) still apply.
 * Also used for the strings inside untyped maps, such as GraphQL variables.
 */
final class WellFormedStrings extends StdScalarDeserializer<String> {

    WellFormedStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText();
            if (!UnicodeText.isWellFormed(text)) {
                return (String) ctxt.handleWeirdStringValue(String.class, text, UnicodeText.RULE);
            }
            return text;
        }
        return StringDeserializer.instance.deserialize(p, ctxt);
    }
}
