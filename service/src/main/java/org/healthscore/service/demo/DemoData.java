package org.healthscore.service.demo;

import java.time.LocalDate;
import java.util.Random;

/**
 * A small, believable customer base for the demo: twelve accounts in three segments, weekly
 * observations of the PROVE measures over the last 13 weeks, and a few past churns. Seeded, so
 * every fresh demo looks the same relative to its start date.
 */
record DemoData(String accounts, String observations, String outcomes) {

    private static final String[][] ACCOUNTS = {
            {"acme-corp", "Acme Corp", "ENT", "Analytics"}, {"globex", "Globex", "ENT", "Analytics"},
            {"initech", "Initech", "MID", "Analytics"}, {"umbrella", "Umbrella", "ENT", "Platform"},
            {"hooli", "Hooli", "MID", "Platform"}, {"vandelay", "Vandelay Industries", "SMB", "Analytics"},
            {"stark", "Stark Industries", "ENT", "Platform"}, {"wayne", "Wayne Enterprises", "ENT", "Analytics"},
            {"wonka", "Wonka", "SMB", "Platform"}, {"tyrell", "Tyrell", "MID", "Analytics"},
            {"cyberdyne", "Cyberdyne", "MID", "Platform"}, {"soylent", "Soylent", "SMB", "Analytics"}};

    static DemoData generate(LocalDate today) {
        Random random = new Random(42);
        StringBuilder accounts = new StringBuilder("externalId,name,segment,productLine,arr,startDate\n");
        StringBuilder observations = new StringBuilder("account,metric,observedAt,value\n");
        StringBuilder outcomes = new StringBuilder("account,type,occurredAt,amount\n");
        for (int a = 0; a < ACCOUNTS.length; a++) {
            String[] account = ACCOUNTS[a];
            int arr = 12_000 + random.nextInt(240) * 1_000;
            accounts.append(String.join(",", account)).append(',').append(arr).append(',')
                    .append(today.minusDays(400 + random.nextInt(800))).append('\n');
            double health = 0.25 + 0.7 * random.nextDouble(); // how well this account is doing, 0-1
            for (int week = 12; week >= 0; week--) {
                String at = today.minusDays(week * 7L) + "T09:00:00Z";
                double drift = (random.nextDouble() - 0.5) * 0.15;
                double h = Math.max(0.05, Math.min(1, health + drift));
                observations.append(account[0]).append(",user_engagement_pct,").append(at).append(',')
                        .append(Math.round(100 * h)).append('\n');
                observations.append(account[0]).append(",open_p1_tickets,").append(at).append(',')
                        .append(Math.max(0, Math.round(4 * (1 - h) + random.nextInt(2) - 0.5))).append('\n');
                if (week % 4 == 0) {
                    observations.append(account[0]).append(",outcomes_achieved_pct,").append(at).append(',')
                            .append(Math.round(100 * Math.min(1, h + 0.1))).append('\n');
                }
                if (week % 6 == 0) {
                    observations.append(account[0]).append(",nps,").append(at).append(',')
                            .append(Math.round(100 * h - 40)).append('\n');
                }
                if (random.nextDouble() < h / 3) {
                    observations.append(account[0]).append(",exec_meetings,").append(at).append(",1\n");
                }
            }
            if (health < 0.4) {
                outcomes.append(account[0]).append(",CONTRACTED,").append(today.minusDays(20)).append(',')
                        .append(arr / 4).append('\n');
            } else if (health > 0.8) {
                outcomes.append(account[0]).append(",EXPANDED,").append(today.minusDays(35)).append(',')
                        .append(arr / 5).append('\n');
            }
        }
        return new DemoData(accounts.toString(), observations.toString(), outcomes.toString());
    }
}
