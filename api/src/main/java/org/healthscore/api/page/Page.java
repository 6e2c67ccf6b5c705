package org.healthscore.api.page;

import java.util.List;

/** One page of a list: the items and an opaque cursor for the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
