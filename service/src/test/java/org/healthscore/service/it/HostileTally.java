package org.healthscore.service.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of answers by route group and status class, printed so CI logs show what was sent.
 * GraphQL answers 200 to a refused operation (the refusal is in {@code errors}), so those are
 * counted apart from real 2xx: "refused in errors", and "found nothing" for a lookup answering null.
 * Safe to use from several sending threads.
 */
final class HostileTally {

    private final Map<String, long[]> byGroup = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private long failureCount;
    private final Map<String, Long> failureKinds = new TreeMap<>();
    /** Every failure in one line each, written beside the test reports for a closer look. */
    private final List<String> allFailures = new ArrayList<>();

    static final int GRAPHQL_ERRORS = 4;
    static final int GRAPHQL_NOTHING = 5;

    synchronized void count(String group, int status) {
        increment(group, Math.min(3, Math.max(0, status / 100 - 2)));
    }

    /** A GraphQL 200 that refused ({@link #GRAPHQL_ERRORS}) or found nothing ({@link #GRAPHQL_NOTHING}). */
    synchronized void countGraphQL(String group, int outcome) {
        increment(group, outcome);
    }

    private void increment(String group, int slot) {
        byGroup.computeIfAbsent(group, g -> new long[6])[slot]++;
    }

    synchronized void fail(HostileRequest request, HostileSender.Answer answer, String why) {
        failureCount++;
        allFailures.add(why + " | " + request.group() + " [" + request.what() + "] -> " + answer.status() + " "
                + answer.body().substring(0, Math.min(160, answer.body().length())).replace('\n', ' '));
        long seen = failureKinds.merge(request.group() + ": " + why.replaceAll(":.*", ""), 1L, Long::sum);
        if (seen <= 2 && failures.size() < 200) {
            String body = answer.body().length() > 400 ? answer.body().substring(0, 400) + "..." : answer.body();
            failures.add(why + "\n    request: " + request.describe() + "\n    answer: " + answer.status() + " "
                    + answer.contentType() + " " + body);
        }
    }

    void writeFailures(java.nio.file.Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            // getBytes replaces half surrogate pairs, which a strict writer refuses.
            java.nio.file.Files.write(file, String.join("\n", allFailures).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long failures() {
        return failureCount;
    }

    List<String> failureSamples() {
        return failures;
    }

    long sent() {
        return byGroup.values().stream().mapToLong(HostileTally::sum).sum();
    }

    long sent(String group) {
        return sum(byGroup.getOrDefault(group, new long[6]));
    }

    String report(String backend, boolean unchanged) {
        StringBuilder out = new StringBuilder();
        long[] total = new long[6];
        byGroup.forEach((group, c) -> {
            out.append(String.format("  %-62s %s%n", group, line(c)));
            for (int i = 0; i < 6; i++) {
                total[i] += c[i];
            }
        });
        failureKinds.forEach((kind, n) -> out.append("  FAILED ").append(n).append(" x ").append(kind).append('\n'));
        return "hostile requests [" + backend + "]: " + line(total) + ", side effects " + (unchanged ? "none"
                : "FOUND (stored data changed)") + "\n" + out;
    }

    private static long sum(long[] c) {
        long n = 0;
        for (long x : c) {
            n += x;
        }
        return n;
    }

    private static String line(long[] c) {
        String text = String.format("%d sent, 2xx %d, 3xx %d, 4xx %d, 5xx %d", sum(c), c[0], c[1], c[2], c[3]);
        if (c[GRAPHQL_ERRORS] + c[GRAPHQL_NOTHING] > 0) {
            text += String.format(", GraphQL 200 refused in errors %d, found nothing %d", c[GRAPHQL_ERRORS],
                    c[GRAPHQL_NOTHING]);
        }
        return text;
    }
}
