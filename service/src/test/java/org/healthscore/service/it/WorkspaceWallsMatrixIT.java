package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * DESIGN.md 5, "no data crosses workspaces", route by route: two stocked workspaces (metrics,
 * accounts, observations, outcomes, scorecards with a published version, a finished job and a
 * finished evaluation), and every route of openapi.yaml and every root field of the GraphQL schema
 * called with workspace one's keys on workspace two's ids, cursors, job and evaluation ids and
 * references. Nothing of two may show in any answer (404, an empty page, or one's own data), no
 * answer may be a 5xx, and two's stored data must be exactly as before. Routes come from the
 * contracts, so one added without coverage fails here.
 */
class WorkspaceWallsMatrixIT {

    /** Routes the matrix cannot call as they stand, and why. Every other route is probed. */
    private static final Map<String, String> NOT_PROBED = Map.of(
            "POST /graphql", "one route for all of GraphQL: probed root field by root field below");

    @BackendTest
    void noKeyOfOneWorkspaceReachesAnotherWorkspacesData(Api api) {
        StockedWorkspace two = StockedWorkspace.create(api);
        StockedWorkspace one = StockedWorkspace.create(api);
        Map<String, String> before = StoredChecksum.of(api, two.ws.id());
        List<String> hidden = two.hidden();

        List<HostileRequest> probes = new ArrayList<>();
        WallProbes rest = new WallProbes(one, two);
        Set<String> specRoutes = new TreeSet<>();
        for (SpecRoutes.Route route : SpecRoutes.rest()) {
            specRoutes.add(route.name());
            if (!NOT_PROBED.containsKey(route.name())) {
                List<HostileRequest> forRoute = rest.of(route);
                assertThat(forRoute).as("probes of %s", route.name()).isNotEmpty();
                probes.addAll(forRoute);
            }
        }
        assertThat(specRoutes).as("routes listed as not probed must exist").containsAll(NOT_PROBED.keySet());
        WallGraphQL graphql = new WallGraphQL(one, two);
        List<SpecRoutes.RootField> fields = SpecRoutes.graphql();
        for (SpecRoutes.RootField field : fields) {
            List<HostileRequest> forField = graphql.of(field);
            assertThat(forField).as("probes of %s", field.name()).isNotEmpty();
            probes.addAll(forField);
        }

        HostileSender sender = new HostileSender(api);
        List<String> leaks = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (HostileRequest probe : probes) {
            HostileSender.Answer answer = sender.send(probe);
            if (answer.status() >= 500) {
                faults.add(probe.describe() + " -> " + answer.status() + " " + answer.body());
            }
            String sent = (probe.pathAndQuery() + " " + (probe.body() == null ? ""
                    : new String(probe.body(), StandardCharsets.UTF_8))).toLowerCase(Locale.ROOT);
            String body = answer.body().toLowerCase(Locale.ROOT);
            for (String value : hidden) {
                String v = value.toLowerCase(Locale.ROOT);
                if (!sent.contains(v) && !sent.contains(HostileRest.encode(value).toLowerCase(Locale.ROOT))
                        && body.contains(v)) {
                    leaks.add(probe.describe() + " -> " + answer.status() + " shows '" + value + "': "
                            + answer.body().substring(0, Math.min(300, answer.body().length())));
                }
            }
        }
        Map<String, String> after = StoredChecksum.of(api, two.ws.id());

        System.out.printf("workspace walls [%s]: %d REST routes (%d not probed) + %d GraphQL root fields, "
                        + "%d probes, leaks %d, 5xx %d%n", api.backend.name(), specRoutes.size(), NOT_PROBED.size(),
                fields.size(), probes.size(), leaks.size(), faults.size());
        assertThat(leaks).as("answers showing workspace two's data to workspace one's keys").isEmpty();
        assertThat(faults).as("5xx answers").isEmpty();
        assertThat(after).as("workspace two's stored data, before and after the matrix").isEqualTo(before);
    }
}
