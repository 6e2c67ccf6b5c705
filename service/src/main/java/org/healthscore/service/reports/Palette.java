package org.healthscore.service.reports;

import java.util.Locale;
import org.healthscore.api.health.Band;

/**
 * Colours from the Okabe-Ito palette, which readers with the common colour-vision deficiencies tell apart.
 * Colour is never the only cue: bands are named in text, wrong-way measures and the positive rows carry a
 * hatch pattern as well.
 */
final class Palette {

    static final String BLUE = "#0072B2";
    static final String VERMILLION = "#D55E00";
    static final String ORANGE = "#E69F00";
    static final String BLUISH_GREEN = "#009E73";
    static final String SKY_BLUE = "#56B4E9";
    static final String INK = "#1a1a1a";
    static final String GREY = "#6b6b6b";
    static final String GRID = "#d9d9d9";

    private Palette() {
    }

    static String band(Band band) {
        return switch (band) {
            case RED -> VERMILLION;
            case YELLOW -> ORANGE;
            case GREEN -> BLUISH_GREEN;
            default -> GREY;
        };
    }

    /** The band's name as the page writes it: "Red", "Yellow", "Green". */
    static String bandName(Band band) {
        String name = band.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
