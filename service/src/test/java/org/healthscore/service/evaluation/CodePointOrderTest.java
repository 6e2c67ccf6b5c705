package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code point order, not UTF-16 unit order (String.compareTo). */
class CodePointOrderTest {

    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, a surrogate pair in UTF-16
    private static final String FULLWIDTH_TILDE = "\uFF5E"; // U+FF5E, one UTF-16 unit

    @Test
    void aSupplementaryCharacterSortsAfterTheBasicPlane() {
        assertThat(CodePointOrder.INSTANCE.compare(FULLWIDTH_TILDE, EMOJI)).isNegative();
        assertThat(CodePointOrder.INSTANCE.compare(EMOJI, FULLWIDTH_TILDE)).isPositive();
        // String.compareTo gets this one the other way round: 0xD83D < 0xFF5E.
        assertThat(FULLWIDTH_TILDE.compareTo(EMOJI)).isPositive();
    }

    @Test
    void prefixesEqualityAndPlainAscii() {
        CodePointOrder order = CodePointOrder.INSTANCE;
        assertThat(order.compare("acct", "acct-1")).isNegative();
        assertThat(order.compare("acct-1", "acct")).isPositive();
        assertThat(order.compare("x" + EMOJI, "x" + EMOJI)).isZero();
        assertThat(order.compare("", "")).isZero();
        assertThat(order.compare("B", "a")).isNegative();
    }

    @Test
    void sortsAList() {
        List<String> names = new ArrayList<>(List.of(EMOJI, "z", FULLWIDTH_TILDE, "a" + EMOJI, "a" + FULLWIDTH_TILDE,
                "\u00e9"));
        names.sort(CodePointOrder.INSTANCE);
        assertThat(names).containsExactly("a" + FULLWIDTH_TILDE, "a" + EMOJI, "z", "\u00e9", FULLWIDTH_TILDE, EMOJI);
        assertThat(CodePointOrder.ranks(new String[] {"b", EMOJI, "a", FULLWIDTH_TILDE})).containsExactly(1, 3, 0, 2);
    }
}
