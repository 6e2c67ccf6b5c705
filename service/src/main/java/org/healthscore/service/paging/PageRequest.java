package org.healthscore.service.paging;

import java.util.List;
import java.util.function.Function;
import org.healthscore.api.page.Page;
import org.healthscore.service.problem.ApiException;

/**
 * How much of a list to return and where to start. {@code limit} defaults to 50 and may not
 * exceed 1,000; both REST ({@code limit}, {@code cursor}) and GraphQL ({@code first}, {@code after})
 * arrive here, each naming its own parameters in errors.
 */
public record PageRequest(int limit, String cursor, String cursorField) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /** From REST query parameters, which arrive as text. */
    public static PageRequest fromQuery(String limit, String cursor) {
        int parsed = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                // strip, not trim: trim also drops control characters, so "1\u0000" would read as 1.
                parsed = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        return of(parsed, cursor, "limit", "cursor");
    }

    /** From GraphQL arguments. */
    public static PageRequest fromGraphQL(Integer first, String after) {
        return of(first == null ? DEFAULT_LIMIT : first, after, "first", "after");
    }

    private static PageRequest of(int limit, String cursor, String limitField, String cursorField) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest(limitField, "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && cursor.isEmpty()) {
            throw Cursor.notACursor(cursorField);
        }
        return new PageRequest(limit, cursor, cursorField);
    }

    /** The cursor's parts for {@code list}, or null on the first page. */
    public List<String> position(String list, int arity) {
        return cursor == null ? null : Cursor.decode(list, cursor, arity, cursorField);
    }

    /** The 400 for a cursor that decoded but whose parts make no sense. */
    public static ApiException notACursor(PageRequest page) {
        return Cursor.notACursor(page.cursorField());
    }

    /** A timestamp part of this page's cursor; a 400 when it is not one. */
    public java.time.Instant instant(String text) {
        try {
            return java.time.Instant.parse(text);
        } catch (RuntimeException e) {
            throw notACursor(this);
        }
    }

    /** How many rows to read: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The page from up to {@link #fetchSize()} rows, with a cursor made from the last row shown. */
    public <R, T> Page<T> page(List<R> rows, Function<R, T> toItem, Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
