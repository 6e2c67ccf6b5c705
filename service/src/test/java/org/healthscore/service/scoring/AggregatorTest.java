package org.healthscore.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-computed values for DESIGN.md 3.2. The test JVM runs in America/New_York, so any slip from UTC shows. */
class AggregatorTest {

    /** 2024-03-10 is also the day New York moves its clocks: irrelevant in UTC, as it must be. */
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 10);

    /**
     * A 7-day window ending 2024-03-10 is [2024-03-04T00:00Z, 2024-03-11T00:00Z). One observation on each side
     * of each edge, the outer two with values that would stand out in any result.
     */
    private static final Series WEEK = Series.of(
            Point.at("2024-03-03T23:59:59.999Z", 1000), // last millisecond of asOf - 7: out
            Point.at("2024-03-04T00:00:00Z", 2),         // first instant after the end of asOf - 7: in
            Point.at("2024-03-06T12:00:00Z", 8),
            Point.at("2024-03-08T06:00:00Z", 5),
            Point.at("2024-03-10T23:59:59.999Z", 3),     // last millisecond of asOf: in
            Point.at("2024-03-11T00:00:00Z", 999));      // the next day: out

    private static double value(AggregationFunction function, int windowDays, Series series) {
        OptionalDouble v = Aggregator.aggregate(function, windowDays, AS_OF, series);
        assertThat(v).as("%s over %d days", function, windowDays).isPresent();
        return v.getAsDouble();
    }

    private static OptionalDouble maybe(AggregationFunction function, int windowDays, Series series) {
        return Aggregator.aggregate(function, windowDays, AS_OF, series);
    }

    @Nested
    class EveryFunctionAtTheWindowEdges {

        @Test
        void latestIsTheValueObservedLastInTheWindow() {
            assertThat(value(AggregationFunction.LATEST, 7, WEEK)).isEqualTo(3);
        }

        @Test
        void averageOfTheFourInside() {
            assertThat(value(AggregationFunction.AVERAGE, 7, WEEK)).isEqualTo((2 + 8 + 5 + 3) / 4.0); // 4.5
        }

        @Test
        void sum() {
            assertThat(value(AggregationFunction.SUM, 7, WEEK)).isEqualTo(18);
        }

        @Test
        void min() {
            assertThat(value(AggregationFunction.MIN, 7, WEEK)).isEqualTo(2);
        }

        @Test
        void max() {
            assertThat(value(AggregationFunction.MAX, 7, WEEK)).isEqualTo(8);
        }

        @Test
        void countIsTheNumberOfObservations() {
            assertThat(value(AggregationFunction.COUNT, 7, WEEK)).isEqualTo(4);
        }

        @Test
        void trendSplitsThreeAndAHalfDaysBeforeTheEnd() {
            // Odd window: the halves meet at 2024-03-07T12:00Z. Older {2, 8} mean 5; newer {5, 3} mean 4.
            assertThat(value(AggregationFunction.TREND, 7, WEEK)).isEqualTo((4 - 5) / 5.0 * 100); // -20
        }

        @Test
        void oneDayLongerTakesInTheObservationAtTheLastMillisecondOfTheDayBefore() {
            assertThat(value(AggregationFunction.COUNT, 8, WEEK)).isEqualTo(5);
            assertThat(value(AggregationFunction.MAX, 8, WEEK)).isEqualTo(1000);
        }
    }

    @Nested
    class WindowBounds {

        @Test
        void isTheLastWindowDaysWholeUtcDays() {
            Window w = Window.ending(AS_OF, 7);
            assertThat(w.startMillis()).isEqualTo(Instant.parse("2024-03-04T00:00:00Z").toEpochMilli());
            assertThat(w.endMillis()).isEqualTo(Instant.parse("2024-03-11T00:00:00Z").toEpochMilli());
            assertThat(w.middleMillis()).isEqualTo(Instant.parse("2024-03-07T12:00:00Z").toEpochMilli());
        }

        @Test
        void aOneDayWindowHoldsAValueImportedAsABareDate() {
            // A date-only observedAt is stored at 00:00Z of that date; asOf that date must see it.
            Series dateOnly = Series.of(Point.at("2024-03-10T00:00:00Z", 42));
            assertThat(value(AggregationFunction.LATEST, 1, dateOnly)).isEqualTo(42);
            assertThat(Aggregator.aggregate(AggregationFunction.LATEST, 1, AS_OF.minusDays(1), dateOnly)).isEmpty();
            assertThat(Aggregator.aggregate(AggregationFunction.LATEST, 1, AS_OF.plusDays(1), dateOnly)).isEmpty();
        }

        @Test
        void theLongestWindowReachesBack730Days() {
            // 730 days ending 2024-03-10 (one of them 2024-02-29) start at 2022-03-12T00:00Z.
            Series edges = Series.of(Point.at("2022-03-12T00:00:00Z", 1), Point.at("2022-03-11T23:59:59.999Z", 2));
            assertThat(value(AggregationFunction.SUM, 730, edges)).isEqualTo(1);
        }

        @Test
        void windowDaysBelowOneIsRejected() {
            assertThatThrownBy(() -> Aggregator.aggregate(AggregationFunction.SUM, 0, AS_OF, WEEK))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class EmptyWindow {

        @ParameterizedTest
        @EnumSource(AggregationFunction.class)
        void everyFunctionIsMissing(AggregationFunction function) {
            Series outside = Series.of(Point.at("2024-03-02T10:00:00Z", 1), Point.at("2024-03-11T00:00:00Z", 2));
            assertThat(maybe(function, 7, outside)).isEmpty();
            assertThat(maybe(function, 7, Series.EMPTY)).isEmpty();
        }
    }

    @Nested
    class Trend {

        @Test
        void oddWindowHalvesMeetAtNoonAndNoonBelongsToTheNewerHalf() {
            // 3 days ending 2024-03-10: [03-08T00:00Z, 03-11T00:00Z), middle 03-09T12:00Z.
            Series s = Series.of(Point.at("2024-03-09T11:59:59.999Z", 10), Point.at("2024-03-09T12:00:00Z", 15));
            assertThat(value(AggregationFunction.TREND, 3, s)).isEqualTo(50); // (15 - 10) / 10 * 100
        }

        @Test
        void oddWindowWithBothObservationsBeforeNoonHasAnEmptyNewerHalf() {
            Series s = Series.of(Point.at("2024-03-08T00:00:00Z", 10), Point.at("2024-03-09T11:59:59.999Z", 15));
            assertThat(maybe(AggregationFunction.TREND, 3, s)).isEmpty();
        }

        @Test
        void evenWindowHalvesAreWholeDays() {
            // 2 days ending 2024-03-10: older is 03-09, newer is 03-10; daily values stamped at midnight.
            Series daily = Series.of(Point.at("2024-03-09T00:00:00Z", 4), Point.at("2024-03-10T00:00:00Z", 5));
            assertThat(value(AggregationFunction.TREND, 2, daily)).isEqualTo(25); // (5 - 4) / 4 * 100
        }

        @Test
        void meansOfSeveralObservationsPerHalf() {
            // 4 days ending 2024-03-10: older 03-07 and 03-08, newer 03-09 and 03-10.
            Series s = Series.of(Point.at("2024-03-07T01:00:00Z", 10), Point.at("2024-03-08T23:00:00Z", 30),
                    Point.at("2024-03-09T00:00:00Z", 25), Point.at("2024-03-10T05:00:00Z", 35),
                    Point.at("2024-03-10T06:00:00Z", 45));
            assertThat(value(AggregationFunction.TREND, 4, s)).isEqualTo((35 - 20) / 20.0 * 100); // 75
        }

        @Test
        void negativeOlderMeanDividesByItsMagnitude() {
            Series s = Series.of(Point.at("2024-03-09T00:00:00Z", -4), Point.at("2024-03-10T00:00:00Z", -2));
            assertThat(value(AggregationFunction.TREND, 2, s)).isEqualTo(50); // (-2 - -4) / |-4| * 100
        }

        @Test
        void emptyOlderHalfIsMissing() {
            Series s = Series.of(Point.at("2024-03-10T00:00:00Z", 5));
            assertThat(maybe(AggregationFunction.TREND, 2, s)).isEmpty();
        }

        @Test
        void emptyNewerHalfIsMissing() {
            Series s = Series.of(Point.at("2024-03-09T23:59:59.999Z", 5));
            assertThat(maybe(AggregationFunction.TREND, 2, s)).isEmpty();
        }

        @Test
        void olderMeanZeroIsMissing() {
            Series s = Series.of(Point.at("2024-03-09T01:00:00Z", -3), Point.at("2024-03-09T02:00:00Z", 3),
                    Point.at("2024-03-10T00:00:00Z", 5));
            assertThat(maybe(AggregationFunction.TREND, 2, s)).isEmpty();
        }

        @Test
        void aChangeTooLargeForADoubleIsMissingRatherThanInfinite() {
            Series s = Series.of(Point.at("2024-03-09T00:00:00Z", Double.MIN_VALUE), Point.at("2024-03-10T00:00:00Z", 1));
            assertThat(maybe(AggregationFunction.TREND, 2, s)).isEmpty();
        }
    }

    @Test
    void aSumThatOverflowsIsMissing() {
        Series s = Series.of(Point.at("2024-03-09T00:00:00Z", 1e308), Point.at("2024-03-10T00:00:00Z", 1e308));
        assertThat(maybe(AggregationFunction.SUM, 2, s)).isEmpty();
        assertThat(value(AggregationFunction.MAX, 2, s)).isEqualTo(1e308);
    }

    @Test
    void latestAmongEqualInstantsIsTheOneGivenLast() {
        Series s = Series.of(Point.at("2024-03-10T08:00:00Z", 1), Point.at("2024-03-10T08:00:00Z", 2));
        assertThat(value(AggregationFunction.LATEST, 1, s)).isEqualTo(2);
    }

    @Test
    void pointsInAnyOrderAreSortedByInstant() {
        Series s = Series.of(Point.at("2024-03-10T08:00:00Z", 3), Point.at("2024-03-05T08:00:00Z", 1),
                Point.at("2024-03-08T08:00:00Z", 2));
        assertThat(value(AggregationFunction.LATEST, 7, s)).isEqualTo(3);
        assertThat(value(AggregationFunction.TREND, 7, s)).isEqualTo((2.5 - 1) / 1 * 100);
    }

    @Nested
    class AgeDays {

        @Test
        void isZeroOnTheAsOfDayAtAnyHour() {
            assertThat(Aggregator.ageDays(AS_OF, WEEK)).hasValue(0); // newest at or before asOf: 23:59:59.999
            assertThat(Aggregator.ageDays(AS_OF, Series.of(Point.at("2024-03-10T00:00:00Z", 1)))).hasValue(0);
        }

        @Test
        void countsWholeUtcDaysAndIgnoresLaterObservations() {
            Series s = Series.of(Point.at("2024-01-01T23:30:00Z", 1), Point.at("2024-03-11T00:00:00Z", 2));
            assertThat(Aggregator.ageDays(AS_OF, s)).hasValue(31 + 29 + 9); // 2024 is a leap year
        }

        @Test
        void reachesBeyondTheWindowSoAStaleMeasureShowsHowStale() {
            Series stale = Series.of(Point.at("2023-12-01T00:00:00Z", 7));
            Aggregate a = Aggregator.evaluate(new Aggregation(AggregationFunction.LATEST, 30), AS_OF, stale);
            assertThat(a.value()).isNull();
            assertThat(a.ageDays()).isEqualTo(100);
        }

        @Test
        void isEmptyWithoutAnObservationAtOrBeforeAsOf() {
            assertThat(Aggregator.ageDays(AS_OF, Series.of(Point.at("2024-03-11T00:00:00Z", 1)))).isEmpty();
            assertThat(Aggregator.ageDays(AS_OF, Series.EMPTY)).isEmpty();
        }

        @Test
        void evaluateGivesValueAndAge() {
            Aggregate a = Aggregator.evaluate(new Aggregation(AggregationFunction.AVERAGE, 7), AS_OF, WEEK);
            assertThat(a).isEqualTo(new Aggregate(4.5, 0));
        }
    }

    @Nested
    class SeriesInput {

        @Test
        void sortedArraysMustBeInOrder() {
            assertThatThrownBy(() -> Series.ofSorted(new long[] {2, 1}, new double[] {1, 1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        }

        @Test
        void valuesMustBeFinite() {
            assertThatThrownBy(() -> Series.ofSorted(new long[] {1}, new double[] {Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Point(1, Double.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void arraysAreCopied() {
            long[] times = {Point.at("2024-03-10T00:00:00Z", 0).epochMillis()};
            double[] values = {5};
            Series s = Series.ofSorted(times, values);
            values[0] = 6;
            assertThat(value(AggregationFunction.LATEST, 1, s)).isCloseTo(5, within(0.0));
        }
    }
}
