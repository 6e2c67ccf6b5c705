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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.healthscore.service.json.CalendarDates;

/** {@code Date}: an ISO-8601 calendar date, the same text REST uses. */
final class DateScalar {

    private static final String EXPECTED = "must be an ISO-8601 date such as 2026-01-31";

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("An ISO-8601 calendar date")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("Not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return inRange(LocalDate.parse(String.valueOf(input)));
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException(EXPECTED);
                    }
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                              Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            LocalDate day = LocalDate.parse(text.getValue());
                            if (CalendarDates.inRange(day)) {
                                return day;
                            }
                            throw new CoercingParseLiteralException(CalendarDates.RANGE);
                        } catch (DateTimeParseException e) {
                            // falls through
                        }
                    }
                    throw new CoercingParseLiteralException(EXPECTED);
                }
            })
            .build();

    private static LocalDate inRange(LocalDate day) {
        if (!CalendarDates.inRange(day)) {
            throw new CoercingParseValueException(CalendarDates.RANGE);
        }
        return day;
    }

    private DateScalar() {
    }
}
