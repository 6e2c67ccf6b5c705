package org.healthscore.service.rest.filters;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per name, in this instance's memory: {@code burst} tokens at most, refilled at
 * {@code perSecond}. A request takes a token; without one it is told how long until the next.
 */
final class TokenBuckets {

    /** Above this many buckets, full ones (idle keys) are dropped: they hold nothing worth keeping. */
    private static final int SWEEP_ABOVE = 10_000;

    private final double tokensPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        this.tokensPerNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a token from {@code name}'s bucket: 0 when there was one, otherwise nanoseconds until there is. */
    long take(String name) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return buckets.computeIfAbsent(name, n -> new Bucket(burst, now)).take(now);
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
        }
    }
}
