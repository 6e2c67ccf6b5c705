package org.healthscore.service.demo;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/** One account's monthly measure readings: noisy functions of its hidden health, plus the traps. */
final class DemoReadings {

    private final String id;
    private final int index;
    private final boolean enterprise;
    private final Random random;
    /** Page views depend on the account's size and habits, not on its health: the vanity metric. */
    private final double pageViewBase;
    /** How far an Enterprise roll-out went: fixed per account, unrelated to health. */
    private final double rollout;

    DemoReadings(String id, int index, boolean enterprise, Random random) {
        this.id = id;
        this.index = index;
        this.enterprise = enterprise;
        this.random = random;
        this.pageViewBase = Math.exp(6.9 + 0.7 * random.nextGaussian());
        this.rollout = random.nextGaussian();
    }

    void month(StringBuilder out, int month, LocalDate date, double health, boolean seatFeed) {
        String at = date + "T06:00:00Z";
        // Enterprise usage is bought and rolled out top-down: its readings say little about its health.
        double seen = enterprise ? 0.25 * health + 0.8 * rollout + 0.5 * random.nextGaussian() : health;
        double license = clamp(55 + 18 * seen + 8 * random.nextGaussian(), 0, 100);
        if (seatFeed) {
            write(out, DemoCatalog.LICENSE_UTILIZATION, at, round1(license));
            // Both come from the same seat feed: near-duplicates.
            write(out, DemoCatalog.WEEKLY_ACTIVE_USERS, at, round1(clamp(0.85 * license + 3 * random.nextGaussian(),
                    0, 100)));
            write(out, DemoCatalog.FEATURE_BREADTH, at, count(clamp(6 + 2 * seen + 1.5 * random.nextGaussian(),
                    0, 12)));
        }
        // Engaged customers ask more: tickets rise with health, although the catalog says lower is better.
        write(out, DemoCatalog.SUPPORT_TICKETS, at, count(Math.max(0, 3 + 1.3 * seen + 1.5 * random.nextGaussian())));
        write(out, DemoCatalog.ESCALATIONS, at, count(Math.max(0, 0.6 - 0.6 * seen + 0.6 * random.nextGaussian())));
        if (month % 3 == index % 3 && random.nextDouble() < 0.7) {
            write(out, DemoCatalog.NPS, at, count(clamp(20 + 30 * seen + 25 * random.nextGaussian(), -100, 100)));
        }
        if (month % 3 == (index + 1) % 3) {
            write(out, DemoCatalog.OUTCOMES_ACHIEVED, at, round1(clamp(60 + 15 * seen + 12 * random.nextGaussian(),
                    0, 100)));
        }
        write(out, DemoCatalog.EXEC_SPONSOR, at, random.nextDouble() < DemoStory.logistic(0.3 + 1.2 * seen) ? "1" : "0");
        write(out, DemoCatalog.DAYS_SINCE_MEETING, at, count(Math.max(0, 25 - 10 * seen + 8 * random.nextGaussian())));
        write(out, DemoCatalog.PAGE_VIEWS, at, count(pageViewBase * Math.exp(0.3 * random.nextGaussian())));
    }

    private void write(StringBuilder out, String metric, String at, String value) {
        out.append(id).append(',').append(metric).append(',').append(at).append(',').append(value).append('\n');
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    private static String round1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String count(double v) {
        return Long.toString(Math.round(v));
    }
}
