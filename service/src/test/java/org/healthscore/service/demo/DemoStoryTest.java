package org.healthscore.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.scorecard.MeasureInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo story is deterministic, full size, and carries every trap it promises. */
class DemoStoryTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static DemoStory story;
    private static Map<String, String> segmentOf;
    private static Set<String> churned;
    /** account -> metric -> values in time order. */
    private static Map<String, Map<String, List<Double>>> series;
    /** account -> metric -> newest observation date. */
    private static Map<String, Map<String, String>> newest;

    @BeforeAll
    static void generate() {
        story = DemoStory.generate(TODAY);
        segmentOf = new HashMap<>();
        lines(story.accounts()).forEach(l -> segmentOf.put(l[0], l[2]));
        churned = lines(story.outcomes()).stream().filter(l -> l[1].equals("CHURNED")).map(l -> l[0])
                .collect(Collectors.toSet());
        series = new TreeMap<>();
        newest = new HashMap<>();
        for (String[] l : lines(story.observations())) {
            series.computeIfAbsent(l[0], k -> new TreeMap<>()).computeIfAbsent(l[1], k -> new ArrayList<>())
                    .add(Double.parseDouble(l[3]));
            newest.computeIfAbsent(l[0], k -> new HashMap<>()).merge(l[1], l[2], (a, b) -> a.compareTo(b) > 0 ? a : b);
        }
    }

    @Test
    void theSameSeedGivesTheSameTextAndAnotherSeedAnother() {
        assertThat(DemoStory.generate(TODAY, 50, 7)).isEqualTo(DemoStory.generate(TODAY, 50, 7));
        assertThat(DemoStory.generate(TODAY, 50, 8).observations()).isNotEqualTo(DemoStory.generate(TODAY, 50, 7)
                .observations());
        // An account does not depend on how many follow it.
        assertThat(DemoStory.generate(TODAY, 200, 7).accounts()).startsWith(DemoStory.generate(TODAY, 50, 7)
                .accounts());
    }

    @Test
    void sizesSegmentsAndDatesAreTheOnesPromised() {
        assertThat(lines(story.accounts())).hasSize(DemoStory.FULL_SIZE);
        assertThat(segmentOf.values()).containsOnly("SMB", "Mid-Market", "Enterprise");
        assertThat(lines(story.accounts()).stream().map(l -> l[3]).distinct()).containsExactlyInAnyOrder("Analytics",
                "Platform");
        assertThat(lines(story.observations()).stream().map(l -> l[1]).distinct())
                .containsExactlyInAnyOrderElementsOf(DemoCatalog.metrics().stream().map(MetricInput::key).toList());
        Set<String> days = lines(story.observations()).stream().map(l -> l[2].substring(0, 10))
                .collect(Collectors.toSet());
        assertThat(days).hasSize(DemoStory.MONTHS).contains(TODAY.toString(), TODAY.minusMonths(17).toString());
        assertThat(lines(story.outcomes())).allSatisfy(l -> assertThat(LocalDate.parse(l[2])).isBeforeOrEqualTo(TODAY));
        assertThat(lines(story.observations())).hasSizeBetween(200_000, 400_000);
    }

    @Test
    void outcomeSharesArePlausible() {
        Map<String, Long> types = lines(story.outcomes()).stream().collect(Collectors.groupingBy(l -> l[1],
                Collectors.counting()));
        double churnShare = churned.size() / (double) DemoStory.FULL_SIZE;
        assertThat(churnShare).as("accounts churned in 18 months").isBetween(0.12, 0.40);
        assertThat(types.get("RENEWED")).isGreaterThan(types.get("EXPANDED"));
        assertThat(types.get("EXPANDED")).isGreaterThan(50);
        assertThat(types.get("CONTRACTED")).isGreaterThan(50);
        // A churned account stops reporting.
        String oneChurned = churned.iterator().next();
        assertThat(newest.get(oneChurned).values()).allSatisfy(d -> assertThat(d).isLessThan(TODAY.toString()));
    }

    @Test
    void thePageViewsCarryNoSignal() {
        double r = churnCorrelation(DemoCatalog.PAGE_VIEWS, Set.of("SMB", "Mid-Market", "Enterprise"));
        assertThat(Math.abs(r)).as("corr(page views, churned) %s", r).isLessThan(0.05);
    }

    @Test
    void supportTicketsPointTheOtherWayThanTheCatalogSays() {
        MetricInput tickets = DemoCatalog.metrics().stream().filter(m -> m.key().equals(DemoCatalog.SUPPORT_TICKETS))
                .findFirst().orElseThrow();
        assertThat(tickets.direction().name()).isEqualTo("LOWER_IS_BETTER");
        double r = churnCorrelation(DemoCatalog.SUPPORT_TICKETS, Set.of("SMB", "Mid-Market"));
        assertThat(r).as("churners file fewer tickets").isLessThan(-0.1);
        double usage = churnCorrelation(DemoCatalog.LICENSE_UTILIZATION, Set.of("SMB", "Mid-Market"));
        assertThat(usage).as("a real signal, for comparison").isLessThan(-0.1);
    }

    @Test
    void licenseUtilizationAndWeeklyActiveUsersAreNearDuplicates() {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        series.values().forEach(s -> {
            a.addAll(s.getOrDefault(DemoCatalog.LICENSE_UTILIZATION, List.of()));
            b.addAll(s.getOrDefault(DemoCatalog.WEEKLY_ACTIVE_USERS, List.of()));
        });
        assertThat(spearman(a, b)).isGreaterThan(0.9);
    }

    @Test
    void enterpriseReadingsSayLessAboutChurn() {
        double enterprise = churnCorrelation(DemoCatalog.LICENSE_UTILIZATION, Set.of("Enterprise"));
        double smb = churnCorrelation(DemoCatalog.LICENSE_UTILIZATION, Set.of("SMB"));
        assertThat(Math.abs(enterprise)).isLessThan(Math.abs(smb) / 2);
    }

    @Test
    void someSeatFeedsGoStaleMonthsBeforeTheEnd() {
        String cutoff = TODAY.minusMonths(3).toString();
        long stale = newest.entrySet().stream().filter(e -> e.getValue().get(DemoCatalog.PAGE_VIEWS) != null
                && e.getValue().get(DemoCatalog.PAGE_VIEWS).startsWith(TODAY.toString())
                && e.getValue().getOrDefault(DemoCatalog.LICENSE_UTILIZATION, "").compareTo(cutoff) < 0).count();
        assertThat(stale).as("active accounts whose seat feed stopped 3+ months ago").isBetween(60L, 250L);
    }

    @Test
    void theNaiveScorecardLeansOnTheTraps() {
        Map<String, Double> weights = NaiveScorecard.input().measures().stream().collect(Collectors.toMap(
                MeasureInput::metric, MeasureInput::weight));
        assertThat(weights).hasSize(5);
        assertThat(weights.get(DemoCatalog.PAGE_VIEWS)).isEqualTo(weights.values().stream().mapToDouble(d -> d).max()
                .orElseThrow());
        assertThat(weights.get(DemoCatalog.SUPPORT_TICKETS)).isGreaterThanOrEqualTo(20);
        Set<String> catalog = new HashSet<>(DemoCatalog.metrics().stream().map(MetricInput::key).toList());
        assertThat(catalog).containsAll(weights.keySet());
    }

    /** Pearson correlation of an account's mean reading with "churned", over the given segments. */
    private static double churnCorrelation(String metric, Set<String> segments) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        series.forEach((account, metrics) -> {
            List<Double> values = metrics.get(metric);
            if (values != null && segments.contains(segmentOf.get(account))) {
                x.add(values.stream().mapToDouble(d -> d).average().orElseThrow());
                y.add(churned.contains(account) ? 1.0 : 0.0);
            }
        });
        return pearson(x, y);
    }

    static double spearman(List<Double> a, List<Double> b) {
        return pearson(ranks(a), ranks(b));
    }

    private static List<Double> ranks(List<Double> values) {
        Integer[] order = new Integer[values.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(values.get(i), values.get(j)));
        Double[] ranks = new Double[values.size()];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values.get(order[j + 1]).equals(values.get(order[i]))) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return Arrays.asList(ranks);
    }

    static double pearson(List<Double> x, List<Double> y) {
        int n = x.size();
        double mx = x.stream().mapToDouble(d -> d).average().orElseThrow();
        double my = y.stream().mapToDouble(d -> d).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x.get(i) - mx) * (y.get(i) - my);
            sxx += (x.get(i) - mx) * (x.get(i) - mx);
            syy += (y.get(i) - my) * (y.get(i) - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static List<String[]> lines(String csv) {
        return csv.lines().skip(1).map(l -> l.split(",", -1)).toList();
    }
}
