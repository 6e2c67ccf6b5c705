package org.healthscore.service.health;

import java.util.Comparator;
import java.util.List;
import org.healthscore.api.scorecard.AppliesTo;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.service.problem.ApiException;

/**
 * For an account with no scorecard named, the most specific published scorecard that applies to it
 * (DESIGN.md 3.5): segment and product line beat segment or product line, which beat "all accounts".
 * An unresolvable tie is a 409 naming the candidates; no match is a 404.
 */
public final class ScorecardResolver {

    private ScorecardResolver() {
    }

    public static boolean appliesTo(AppliesTo to, AccountRow account) {
        AppliesTo a = to == null ? AppliesTo.ALL : to;
        // An account without a segment (or product line) is in none of the listed ones; the lists are
        // immutable, whose contains(null) throws instead of answering false.
        return (a.segments().isEmpty() || account.segment() != null && a.segments().contains(account.segment()))
                && (a.productLines().isEmpty()
                || account.productLine() != null && a.productLines().contains(account.productLine()));
    }

    static ScorecardVersion resolve(List<ScorecardVersion> published, AccountRow account) {
        List<ScorecardVersion> matching = published.stream().filter(v -> appliesTo(v.appliesTo(), account)).toList();
        if (matching.isEmpty()) {
            throw ApiException.notFound("No published scorecard applies to account " + account.externalId()
                    + " (segment " + account.segment() + ", product line " + account.productLine()
                    + "); name one with ?scorecard=");
        }
        int best = matching.stream().mapToInt(ScorecardResolver::specificity).max().orElseThrow();
        List<ScorecardVersion> winners = matching.stream().filter(v -> specificity(v) == best)
                .sorted(Comparator.comparing(ScorecardVersion::key)).toList();
        if (winners.size() > 1) {
            throw ApiException.conflict("Several published scorecards apply to account " + account.externalId()
                    + " equally: " + String.join(", ", winners.stream().map(v -> v.key() + " v" + v.version())
                    .toList()) + "; name one with ?scorecard= or narrow their appliesTo");
        }
        return winners.get(0);
    }

    private static int specificity(ScorecardVersion v) {
        AppliesTo a = v.appliesTo() == null ? AppliesTo.ALL : v.appliesTo();
        return (a.segments().isEmpty() ? 0 : 1) + (a.productLines().isEmpty() ? 0 : 1);
    }
}
