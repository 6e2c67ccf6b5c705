package org.healthscore.service.rest.filters;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;

/**
 * Refuses bodies over the limit with a 413: at once when Content-Length says so, otherwise when
 * the counted stream passes the limit (chunked bodies), before anything is stored.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimitFilter implements ContainerRequestFilter {

    private final long maxBody;
    private final long maxBulkBody;

    @Context
    private ResourceInfo resource;

    public BodySizeLimitFilter(long maxBody, long maxBulkBody) {
        this.maxBody = maxBody;
        this.maxBulkBody = maxBulkBody;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean bulk = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(BulkBody.class);
        long limit = bulk ? maxBulkBody : maxBody;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(ProblemKind.PAYLOAD_TOO_LARGE,
                "The request body is larger than this route accepts (" + limit + " bytes)");
    }

    private static final class LimitedStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
