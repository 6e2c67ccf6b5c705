package org.healthscore.service.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Property
    void roundTripsAnyPosition(@ForAll @StringLength(min = 1, max = 80) String a,
                               @ForAll @StringLength(min = 1, max = 80) String b) {
        if (a.indexOf('\u001f') >= 0 || b.indexOf('\u001f') >= 0) {
            return;
        }
        assertThat(Cursor.decode("metrics", Cursor.encode("metrics", a, b), 2, "cursor")).containsExactly(a, b);
    }

    @Test
    void refusesCursorsOfAnotherListOrShape() {
        String keysCursor = Cursor.encode("keys", "2026-01-01T00:00:00Z", "id");
        assertRefused(() -> Cursor.decode("metrics", keysCursor, 1, "cursor"));
        assertRefused(() -> Cursor.decode("metrics", "%%%", 1, "cursor"));
        assertRefused(() -> Cursor.decode("metrics", Cursor.encode("metrics", "a", "b"), 1, "after"));
    }

    @Test
    void limitsAreBetweenOneAndAThousand() {
        assertThat(PageRequest.fromQuery(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.fromQuery("1000", null).limit()).isEqualTo(1000);
        assertRefused(() -> PageRequest.fromQuery("1001", null));
        assertRefused(() -> PageRequest.fromQuery("0", null));
        assertRefused(() -> PageRequest.fromQuery("ten", null));
        assertRefused(() -> PageRequest.fromGraphQL(-1, null));
    }

    private static void assertRefused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ProblemKind.MALFORMED));
    }
}
