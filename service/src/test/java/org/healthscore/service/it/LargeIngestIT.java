package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.Ingest.counts;
import static org.healthscore.service.it.Ingest.obs;

import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 200,000-row CSV of observations (2,000 accounts x 5 metrics x 20 days) streamed to the service
 * as it is generated: neither the test nor, by the service's design, the server ever holds the
 * whole body. Meant for a JVM with a small heap (see the "large" surefire execution); H2 only, as
 * the point is the request path, not the database. Posting it again must answer all unchanged.
 */
@Tag("large")
class LargeIngestIT {

    private static final int ACCOUNTS = 2_000;
    private static final int METRICS = 5;
    private static final int DATES = 20;
    private static final long ROWS = (long) ACCOUNTS * METRICS * DATES;
    private static final Instant DAY_ZERO = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void twoHundredThousandStreamedRowsAreStoredAndTheSameStreamAgainIsAllUnchanged() throws Exception {
        Api api = new Api(Backend.H2, Backend.H2.app());
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        for (int m = 0; m < METRICS; m++) {
            api.createMetric(writer, Api.metric(metric(m)));
        }
        StringBuilder accounts = new StringBuilder("externalId,segment\n");
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.append(account(a)).append(a % 2 == 0 ? ",Enterprise\n" : ",SMB\n");
        }
        assertThat(counts(Ingest.accounts(api, writer, Ingest.CSV, accounts.toString()), "accounts"))
                .isEqualTo(counts(ACCOUNTS, 0, 0));

        HttpClient client = HttpClient.newHttpClient();
        assertThat(post(client, api, writer)).isEqualTo(counts(ROWS, 0, 0));
        assertThat(post(client, api, writer)).as("the same 200,000 rows again").isEqualTo(counts(0, 0, ROWS));

        // One account and metric read back: all 20 days, with the values generated for them.
        int a = 1234;
        int m = 3;
        List<String> expected = new ArrayList<>();
        for (int d = DATES - 1; d >= 0; d--) {
            expected.add(obs(account(a), metric(m), DAY_ZERO.plus(d, ChronoUnit.DAYS).toString(), value(a, m, d)));
        }
        assertThat(Ingest.observationsOf(api, writer, account(a), metric(m))).containsExactlyElementsOf(expected);
        assertThat(Ingest.observationsOf(api, writer, account(ACCOUNTS - 1), null)).hasSize(METRICS * DATES);
    }

    /** Posts the generated CSV as a chunked stream (an input stream publisher has no length). */
    private static Ingest.Counts post(HttpClient client, Api api, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUri() + Ingest.OBSERVATIONS))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofInputStream(GeneratedCsv::new))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(200);
        JsonPath json = JsonPath.from(response.body());
        return counts(json.getLong("observations.inserted"), json.getLong("observations.updated"),
                json.getLong("observations.unchanged"));
    }

    private static String account(int a) {
        return String.format("acct-%05d", a);
    }

    private static String metric(int m) {
        return "metric_" + m;
    }

    /** A PERCENT value that differs by account, metric and day. */
    private static double value(int a, int m, int d) {
        return (a * 7 + m * 13 + d * 3) % 101;
    }

    /**
     * The body, made one line at a time as it is read: row {@code i} is account {@code i / 100},
     * metric {@code (i / 20) % 5}, day {@code i % 20}. Only the current line is ever in memory.
     */
    private static final class GeneratedCsv extends InputStream {
        private long next = -1;
        private byte[] line = new byte[0];
        private int position;

        @Override
        public int read() {
            return fill() ? line[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int copied = 0;
            while (copied < length && fill()) {
                int n = Math.min(length - copied, line.length - position);
                System.arraycopy(line, position, buffer, offset + copied, n);
                position += n;
                copied += n;
            }
            return copied == 0 ? -1 : copied;
        }

        /** True when there is a byte to read, making the next line when the current one is used up. */
        private boolean fill() {
            if (position < line.length) {
                return true;
            }
            if (next >= ROWS) {
                return false;
            }
            line = (next < 0 ? "account,metric,observedAt,value\n" : row(next)).getBytes(StandardCharsets.UTF_8);
            position = 0;
            next++;
            return true;
        }

        private static String row(long i) {
            int d = (int) (i % DATES);
            int m = (int) (i / DATES % METRICS);
            int a = (int) (i / ((long) DATES * METRICS));
            return account(a) + "," + metric(m) + "," + DAY_ZERO.plus(d, ChronoUnit.DAYS) + "," + value(a, m, d) + "\n";
        }
    }
}
