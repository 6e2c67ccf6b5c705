package org.healthscore.service.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.jersey.validation.Validators;
import java.util.List;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.api.metric.Direction;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.metric.ValueType;
import org.healthscore.api.problem.FieldError;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private final RequestValidator validator = new RequestValidator(Validators.newValidator());

    @Test
    void namesEachBrokenFieldByItsDottedPath() {
        MetricInput input = new MetricInput("Bad Key", " ", null, null, null, null, null, null, ValueType.NUMBER,
                null, new Aggregation(AggregationFunction.SUM, 0), List.of("ok", ""), null);
        assertThatThrownBy(() -> validator.check(input)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.VALIDATION);
            assertThat(e.errors()).extracting(FieldError::field)
                    .containsExactly("aggregation.windowDays", "direction", "key", "name", "tags[1]");
        });
    }

    @Test
    void passesAValidInput() {
        MetricInput input = new MetricInput("nps", "NPS", null, null, null, null, null, null, ValueType.NUMBER,
                Direction.HIGHER_IS_BETTER, null, null, null);
        assertThat(validator.check(input)).isSameAs(input);
    }
}
