package org.healthscore.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void mintsPrefixedSecretsOfAtLeast128RandomBitsStoredOnlyAsHashes() {
        Secrets.Minted minted = Secrets.mint();
        assertThat(minted.secret()).matches("^hs_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$");
        assertThat(minted.secret()).startsWith(minted.prefix());
        assertThat(minted.prefix()).hasSize(13);
        assertThat(minted.hash()).hasSize(64).doesNotContain(minted.secret().substring(14));
        assertThat(Secrets.matches(minted.secret(), minted.hash())).isTrue();
        assertThat(Secrets.matches(minted.secret() + "x", minted.hash())).isFalse();
        assertThat(Secrets.prefixOf(minted.secret())).contains(minted.prefix());
    }

    @Test
    void neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            assertThat(seen.add(Secrets.mint().secret())).isTrue();
        }
    }

    @Test
    void refusesMisshapenSecrets() {
        assertThat(Secrets.prefixOf("hs_short_abc")).isEmpty();
        assertThat(Secrets.prefixOf("Bearer something")).isEmpty();
        assertThat(Secrets.isWellFormed(null)).isFalse();
    }
}
