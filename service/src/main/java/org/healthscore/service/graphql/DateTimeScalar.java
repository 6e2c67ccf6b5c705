package org.healthscore.service.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code DateTime}: an ISO-8601 UTC timestamp, the same text REST uses. */
final class DateTimeScalar {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 UTC timestamp")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    throw new CoercingSerializeException("Not a timestamp: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return Instant.parse(String.valueOf(input));
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException("must be an ISO-8601 timestamp such as 2026-01-31T00:00:00Z");
                    }
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                            Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            return Instant.parse(text.getValue());
                        } catch (DateTimeParseException e) {
                            // falls through
                        }
                    }
                    throw new CoercingParseLiteralException("must be an ISO-8601 timestamp such as 2026-01-31T00:00:00Z");
                }
            })
            .build();

    private DateTimeScalar() {
    }
}
