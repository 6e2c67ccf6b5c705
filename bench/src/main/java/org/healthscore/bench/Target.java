package org.healthscore.bench;

/** What a figure should reach and whether this run reached it; {@code met} is null where there is no target. */
record Target(String text, Boolean met) {

    static Target none() {
        return new Target("-", null);
    }

    static Target of(String text, boolean met) {
        return new Target(text, met);
    }

    String verdict() {
        return met == null ? "-" : met ? "yes" : "NO";
    }
}
