package org.healthscore.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthscore.persistence.account.ObservationPoint;
import org.healthscore.service.scoring.Point;
import org.healthscore.service.scoring.Series;
import org.junit.jupiter.api.Test;

class SeriesCollectorTest {

    private static final Map<Long, Integer> MEASURE_OF = Map.of(100L, 0, 200L, 1);

    @Test
    void rowsInScanOrderBecomeOneSeriesPerAccountAndMeasure() {
        SeriesCollector c = SeriesCollector.of(MEASURE_OF, 2);
        c.accept(new ObservationPoint(1, 100, 10, 1.0));
        c.accept(new ObservationPoint(1, 100, 20, 2.0));
        c.accept(new ObservationPoint(1, 200, 15, 3.0));
        c.accept(new ObservationPoint(2, 200, 5, 4.0));

        assertThat(c.series(1)).containsExactly(Series.of(new Point(10, 1.0), new Point(20, 2.0)),
                Series.of(new Point(15, 3.0)));
        assertThat(c.series(2)).containsExactly(Series.EMPTY, Series.of(new Point(5, 4.0)));
        assertThat(c.series(3)).containsExactly(Series.EMPTY, Series.EMPTY);
        assertThat(c.complete(1)).isTrue();
        assertThat(c.complete(2)).isFalse();
        assertThat(c.has(2, 200)).isTrue();
        assertThat(c.has(2, 100)).isFalse();
        assertThat(c.accounts()).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void rowsInAnyOrderGiveWhatAStableSortOfAllOfAKeysPointsGives() {
        SeriesCollector c = SeriesCollector.of(MEASURE_OF, 2);
        c.add(1, 100, 30, 1.0);
        c.add(1, 100, 10, 2.0);
        c.add(2, 100, 5, 3.0);
        c.add(1, 100, 10, 4.0);
        c.add(1, 100, 20, 5.0);

        assertThat(c.series(1).get(0)).isEqualTo(Series.of(List.of(new Point(30, 1.0), new Point(10, 2.0),
                new Point(10, 4.0), new Point(20, 5.0))));
        // A key completed after it was read (the newest older observation of an empty measure) joins it too.
        c.add(2, 200, 1, 6.0);
        assertThat(c.series(2)).containsExactly(Series.of(new Point(5, 3.0)), Series.of(new Point(1, 6.0)));
    }

    @Test
    void accountsTheFilterRefusesAreDropped() {
        SeriesCollector c = SeriesCollector.of(MEASURE_OF, 2, Set.of(2L));
        c.add(1, 100, 10, 1.0);
        c.add(2, 100, 10, 2.0);
        c.add(3, 999, 10, 3.0);

        assertThat(c.accounts()).containsExactly(2L);
        assertThat(c.series(1)).containsExactly(Series.EMPTY, Series.EMPTY);
        assertThat(c.series(2).get(0)).isEqualTo(Series.of(new Point(10, 2.0)));
    }
}
