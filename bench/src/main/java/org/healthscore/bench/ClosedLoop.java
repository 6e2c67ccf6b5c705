package org.healthscore.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: a fixed number of client threads, each sending its next request as soon as the
 * previous one is answered, over loopback. First a warm-up (the server's code paths get compiled, the pool fills),
 * then a measured window; bounded both in time and in the number of requests. Only requests sent inside the
 * window are counted. The clients run in the same JVM as the server, so they take CPU from it; the floor is
 * measured the same way, which keeps the ratio fair.
 */
final class ClosedLoop {
    private final int clients;
    private final Duration warmUp;
    private final Duration measured;
    private final long maxRequests;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ClosedLoop(int clients, Duration warmUp, Duration measured, long maxRequests) {
        this.clients = clients;
        this.warmUp = warmUp;
        this.measured = measured;
        this.maxRequests = maxRequests;
    }

    /**
     * Runs the load: {@code request} makes each client's next request (it may pick a random account);
     * {@code answerIsRight} checks each 2xx body.
     */
    LoadResult run(Supplier<HttpRequest> request, Predicate<String> answerIsRight) throws InterruptedException {
        long start = System.nanoTime();
        long windowStart = start + warmUp.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(windowStart);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Client> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(() -> {
                // Not a while over the clock alone: the request bound stops a run against a very fast endpoint.
                while (System.nanoTime() < windowEnd && sent.incrementAndGet() <= maxRequests) {
                    long t0 = System.nanoTime();
                    String error;
                    try {
                        HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                        error = response.statusCode() / 100 != 2 ? response.statusCode() + ": " + response.body()
                                : answerIsRight.test(response.body()) ? null : "unexpected answer: " + response.body();
                    } catch (java.io.IOException e) {
                        error = e.toString();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= windowStart) {
                        Client.current().record(t1 - t0);
                        lastAnswer.accumulateAndGet(t1, Math::max);
                        if (error != null) {
                            errors.incrementAndGet();
                        }
                    }
                    if (error != null) {
                        firstError.compareAndSet(null, error.length() > 300 ? error.substring(0, 300) : error);
                    }
                }
            });
            all.add(client);
        }
        all.forEach(Thread::start);
        for (Client client : all) {
            client.join();
        }
        long[] samples = new long[all.stream().mapToInt(c -> c.count).sum()];
        int at = 0;
        for (Client client : all) {
            System.arraycopy(client.nanos, 0, samples, at, client.count);
            at += client.count;
        }
        double seconds = Math.max(1, lastAnswer.get() - windowStart) / 1e9;
        return new LoadResult(clients, samples.length, errors.get(), seconds, Latencies.of(samples, samples.length),
                firstError.get());
    }

    /** A client thread with its own growable latency buffer, so recording takes no lock. */
    private static final class Client extends Thread {
        private long[] nanos = new long[4096];
        private int count;

        Client(Runnable loop) {
            super(loop, "bench-client");
            setDaemon(true);
        }

        static Client current() {
            return (Client) Thread.currentThread();
        }

        void record(long latency) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = latency;
        }
    }
}
