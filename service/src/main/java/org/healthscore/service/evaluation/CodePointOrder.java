package org.healthscore.service.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Strings in Unicode code point order, the order of DESIGN.md 3.6's folds ("accounts in externalId order by
 * code point") and of the false-green list. {@link String#compareTo} compares UTF-16 units instead, which puts a
 * supplementary character (a surrogate pair, 0xD800-0xDFFF) before U+E000-U+FFFF: a different order, and a
 * different fold for some accounts than another implementation of the spec would give.
 */
final class CodePointOrder implements Comparator<String> {

    static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        // Equal up to the shorter one: the shorter comes first.
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * Each name's rank in code point order ({@code rank[id]} for {@code names[id]}); equal names, if any, share
     * order by id.
     */
    static int[] ranks(String[] names) {
        Integer[] ids = new Integer[names.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, (x, y) -> INSTANCE.compare(names[x], names[y]));
        int[] rank = new int[names.length];
        for (int r = 0; r < ids.length; r++) {
            rank[ids[r]] = r;
        }
        return rank;
    }
}
