package org.healthscore.service.rest.filters;

import com.codahale.metrics.Meter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.function.LongSupplier;
import org.healthscore.api.problem.Problem;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.problem.Problems;

/**
 * Per-key rate limit for REST and GraphQL: 429 problem+json with {@code Retry-After} once a key has
 * spent its bucket. It runs after authentication and counts by the authenticated key, not by the
 * prefix a request claims, so a stranger who knows a key's (listed) prefix cannot spend its budget.
 * Requests without a valid key are not counted here; the bootstrap admin is not limited.
 */
@Priority(Priorities.AUTHORIZATION)
public final class RateLimitFilter implements ContainerRequestFilter {

    private final TokenBuckets buckets;
    private final double perSecond;
    private final int burst;
    private final Meter refused;

    public RateLimitFilter(double perSecond, int burst, Meter refused) {
        this(perSecond, burst, refused, System::nanoTime);
    }

    RateLimitFilter(double perSecond, int burst, Meter refused, LongSupplier nanoTime) {
        this.buckets = new TokenBuckets(perSecond, burst, nanoTime);
        this.perSecond = perSecond;
        this.burst = burst;
        this.refused = refused;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof Caller caller) || caller.keyId() == null) {
            return;
        }
        long waitNanos = buckets.take(caller.keyId());
        if (waitNanos == 0) {
            return;
        }
        refused.mark();
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        Problem problem = Problems.of(ProblemKind.TOO_MANY_REQUESTS, "This key has used its request budget"
                + " (limits.rateLimit: " + format(perSecond) + " requests per second, bursts of " + burst
                + "); retry after " + seconds + " s");
        request.abortWith(Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, seconds).entity(problem).build());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
