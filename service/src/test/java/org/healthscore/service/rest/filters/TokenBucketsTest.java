package org.healthscore.service.rest.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bucket's arithmetic on a clock the test moves by hand. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(2, 3, now::get);

    @Test
    void aFullBucketServesItsBurstThenSaysHowLongToWait() {
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        // Two tokens a second: the next one is half a second away.
        assertThat(buckets.take("a")).isEqualTo(500_000_000L);
    }

    @Test
    void tokensComeBackAtTheConfiguredRateButNeverBeyondTheBurst() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        now.addAndGet(500_000_000L);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();

        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).as("token %s after a long pause", i).isZero();
        }
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void eachNameHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).isZero();
    }
}
