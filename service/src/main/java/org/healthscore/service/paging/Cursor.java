package org.healthscore.service.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.healthscore.service.problem.ApiException;

/**
 * Opaque list cursors: the sort key of the last row given out, tagged with the list it belongs to.
 * Clients must not build them; a cursor that does not decode, or belongs to another list, is a 400.
 * Cursors carry no authority: every query is still scoped to the caller's workspace.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String list, String... parts) {
        StringBuilder text = new StringBuilder(list);
        for (String part : parts) {
            text.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of {@code token}, which must have been made by {@link #encode} for {@code list} with {@code arity} parts. */
    public static List<String> decode(String list, String token, int arity, String field) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor(field);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (pieces.size() != arity + 1 || !pieces.get(0).equals(list) || pieces.stream().anyMatch(String::isEmpty)) {
            throw notACursor(field);
        }
        return pieces.subList(1, pieces.size());
    }

    static ApiException notACursor(String field) {
        return ApiException.badRequest(field, "is not a cursor given out by this list");
    }
}
