package org.healthscore.service.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.Direction;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.problem.FieldError;
import org.junit.jupiter.api.Test;

/** Dropwizard's mapper guesses; ours refuses (STACK.md trap 10), and says which field is wrong. */
class ApiJsonTest {

    private final ObjectMapper json = ApiJson.newMapper();

    private static final String VALID = """
            {"key":"nps","name":"NPS","valueType":"NUMBER","direction":"HIGHER_IS_BETTER",
             "aggregation":{"function":"LATEST","windowDays":30}}""";

    @Test
    void readsAValidBody() throws Exception {
        MetricInput in = json.readValue(VALID, MetricInput.class);
        assertThat(in.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(in.aggregation()).isEqualTo(new Aggregation(
                org.healthscore.api.metric.AggregationFunction.LATEST, 30));
    }

    @Test
    void refusesUnknownFields() {
        assertRefused(VALID.replace("\"nps\",", "\"nps\",\"colour\":\"red\","), "colour", "is not a known field");
    }

    @Test
    void refusesFuzzyAndLowerCaseEnums() {
        assertRefused(VALID.replace("HIGHER_IS_BETTER", "higher-is-better"), "direction", "must be one of");
        assertRefused(VALID.replace("HIGHER_IS_BETTER", "higher_is_better"), "direction", "must be one of");
        assertRefused(VALID.replace("\"HIGHER_IS_BETTER\"", "0"), "direction", "must be");
    }

    @Test
    void refusesCoercedScalars() {
        assertRefused(VALID.replace("\"NPS\"", "123"), "name", "must be a string");
        assertRefused(VALID.replace("\"NPS\"", "true"), "name", "must be a string");
        assertRefused(VALID.replace("30}", "30.5}"), "aggregation.windowDays", "must be a whole number");
        assertRefused(VALID.replace("30}", "\"30\"}"), "aggregation.windowDays", "must be a whole number");
    }

    @Test
    void refusesDuplicateKeysAndTrailingContent() {
        assertRefused(VALID.replace("\"name\":\"NPS\"", "\"name\":\"NPS\",\"name\":\"Other\""), "name",
                "appears more than once");
        assertRefused(VALID + " {}", "body", "has content after the JSON value");
        assertRefused("{\"key\":", "body", "is not well-formed JSON");
    }

    @Test
    void writesTimestampsAsIsoText() throws Exception {
        assertThat(json.writeValueAsString(Instant.parse("2026-01-02T03:04:05.678Z")))
                .isEqualTo("\"2026-01-02T03:04:05.678Z\"");
    }

    private void assertRefused(String body, String field, String reason) {
        assertThatThrownBy(() -> json.readValue(body, MetricInput.class))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> {
                    FieldError error = JsonErrors.describe((JsonProcessingException) e);
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.reason()).startsWith(reason);
                });
    }
}
