package org.healthscore.service.demo;

import java.time.LocalDate;
import java.util.Random;

/**
 * The demo story: a customer base whose churn is driven by a hidden health, as bulk CSV bodies
 * ({@code /accounts/bulk}, {@code /observations}, {@code /outcomes}). Pure: the same seed, size and
 * {@code today} give the same text, and every date is relative to {@code today}.
 *
 * <p>Each account has a latent health that drifts month to month around its own mean; the monthly
 * churn probability is a logistic of it, renewals expand or contract with it. The measures are
 * noisy readings of that health ({@link DemoReadings}), with the traps the evaluation should find:
 * page views carry no signal, support tickets point the other way than the catalog says, license
 * utilization and weekly active users are near-duplicates, Enterprise readings say little about
 * Enterprise health, and some accounts' seat feed stops months before the end.
 */
public record DemoStory(String accounts, String observations, String outcomes) {

    public static final long SEED = 20_260_101L;
    public static final int FULL_SIZE = 2_000;
    public static final int MONTHS = 18;
    static final String[] SEGMENTS = {"SMB", "Mid-Market", "Enterprise"};
    static final String[] PRODUCT_LINES = {"Analytics", "Platform"};

    /** The full-size story with the fixed seed. */
    public static DemoStory generate(LocalDate today) {
        return generate(today, FULL_SIZE, SEED);
    }

    public static DemoStory generate(LocalDate today, int size, long seed) {
        Random master = new Random(seed);
        StringBuilder accounts = new StringBuilder("externalId,name,segment,productLine,arr,startDate\n");
        StringBuilder observations = new StringBuilder("account,metric,observedAt,value\n");
        StringBuilder outcomes = new StringBuilder("account,type,occurredAt,amount\n");
        for (int i = 0; i < size; i++) {
            // One seed per account drawn in order: account i is the same whatever the size.
            Random random = new Random(master.nextLong());
            new AccountLife(i, random, today).write(accounts, observations, outcomes);
        }
        return new DemoStory(accounts.toString(), observations.toString(), outcomes.toString());
    }

    /** The first observation month's date: {@code MONTHS - 1} months before today. */
    public static LocalDate monthDate(LocalDate today, int month) {
        return today.minusMonths(MONTHS - 1 - month);
    }

    public static String externalId(int i) {
        return String.format("acct-%04d", i);
    }

    /** One account's 18 months: readings each month until it churns, outcomes as they happen. */
    private static final class AccountLife {
        private final int index;
        private final Random random;
        private final LocalDate today;

        AccountLife(int index, Random random, LocalDate today) {
            this.index = index;
            this.random = random;
            this.today = today;
        }

        void write(StringBuilder accounts, StringBuilder observations, StringBuilder outcomes) {
            String id = externalId(index);
            double r = random.nextDouble();
            int segment = r < 0.5 ? 0 : r < 0.8 ? 1 : 2;
            String productLine = PRODUCT_LINES[random.nextInt(2)];
            long arr = switch (segment) {
                case 0 -> 5_000 + random.nextInt(25) * 1_000L;
                case 1 -> 30_000 + random.nextInt(120) * 1_000L;
                default -> 150_000 + random.nextInt(850) * 1_000L;
            };
            LocalDate start = monthDate(today, 0).minusDays(30 + random.nextInt(1_500));
            accounts.append(id).append(',').append(DemoNames.name(index)).append(',').append(SEGMENTS[segment])
                    .append(',').append(productLine).append(',').append(arr).append(',').append(start).append('\n');

            double mean = 0.3 + 0.8 * random.nextGaussian();
            double health = mean + 0.6 * random.nextGaussian();
            int renewalOffset = random.nextInt(12);
            // About one account in ten loses its seat feed (an integration breaks) months before today.
            int staleFrom = random.nextDouble() < 0.1 ? 6 + random.nextInt(9) : Integer.MAX_VALUE;
            DemoReadings readings = new DemoReadings(id, index, segment == 2, random);
            for (int m = 0; m < MONTHS; m++) {
                LocalDate date = monthDate(today, m);
                if (m > 0) {
                    health = mean + 0.75 * (health - mean) + 0.45 * random.nextGaussian();
                    if (random.nextDouble() < logistic(-4.3 - 1.7 * health)) {
                        outcome(outcomes, id, "CHURNED", date.minusDays(random.nextInt(28)), null);
                        return;
                    }
                    if ((m + renewalOffset) % 12 == 0) {
                        renew(outcomes, id, date.minusDays(random.nextInt(21)), health, arr);
                    }
                }
                readings.month(observations, m, date, health, m < staleFrom);
            }
        }

        private void renew(StringBuilder outcomes, String id, LocalDate at, double health, long arr) {
            double mood = health + 0.7 * random.nextGaussian();
            if (mood > 1.2) {
                outcome(outcomes, id, "EXPANDED", at, arr * (20 + random.nextInt(30)) / 100);
            } else if (mood < -0.6) {
                outcome(outcomes, id, "CONTRACTED", at, arr * (10 + random.nextInt(30)) / 100);
            } else {
                outcome(outcomes, id, "RENEWED", at, arr);
            }
        }

        private static void outcome(StringBuilder outcomes, String id, String type, LocalDate at, Long amount) {
            outcomes.append(id).append(',').append(type).append(',').append(at).append(',')
                    .append(amount == null ? "" : amount.toString()).append('\n');
        }
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
