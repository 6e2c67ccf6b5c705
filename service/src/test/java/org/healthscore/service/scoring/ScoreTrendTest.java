package org.healthscore.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.healthscore.service.scoring.ScoreTrend.PastScore;
import org.junit.jupiter.api.Test;

class ScoreTrendTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    private static PastScore daysBefore(int days, Double score) {
        return new PastScore(AS_OF.minusDays(days), score);
    }

    @Test
    void subtractsTheNewestScoreDated30To45DaysBefore() {
        assertThat(ScoreTrend.trend(70.0, AS_OF, List.of(daysBefore(40, 50.0), daysBefore(33, 60.0),
                daysBefore(20, 90.0), daysBefore(50, 10.0)))).isEqualTo(10.0);
    }

    @Test
    void bothEndsAreIncluded() {
        assertThat(ScoreTrend.trend(70.0, AS_OF, List.of(daysBefore(30, 65.0)))).isEqualTo(5.0);
        assertThat(ScoreTrend.trend(70.0, AS_OF, List.of(daysBefore(45, 75.0)))).isEqualTo(-5.0);
        assertThat(ScoreTrend.trend(70.0, AS_OF, List.of(daysBefore(29, 65.0), daysBefore(46, 65.0)))).isNull();
    }

    @Test
    void storedEntriesWithoutAScoreArePassedOver() {
        assertThat(ScoreTrend.trend(70.0, AS_OF, List.of(daysBefore(31, null), daysBefore(44, 60.0)))).isEqualTo(10.0);
    }

    @Test
    void noScoreNoTrend() {
        assertThat(ScoreTrend.trend(null, AS_OF, List.of(daysBefore(35, 60.0)))).isNull();
        assertThat(ScoreTrend.trend(70.0, AS_OF, List.of())).isNull();
    }
}
