package org.healthscore.service.validation;

/**
 * Text that is valid Unicode: no surrogate half without its partner. JSON lets a client write a
 * lone {@code \ud800}; MySQL's utf8mb4 cannot store one (the driver writes '?') while H2 keeps it,
 * so such text would be stored differently per database, and an id made of it could not be matched.
 */
public final class UnicodeText {

    public static final String RULE = "must be valid Unicode text (a lone surrogate such as \\ud800 is not)";

    private UnicodeText() {
    }

    public static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
