package org.healthscore.service.demo;

/** Readable, unique company names for generated accounts. */
final class DemoNames {

    private static final String[] FIRST = {"Blue", "Red", "North", "South", "Bright", "Iron", "Silver", "Green",
            "Rapid", "Quiet", "Golden", "Clear", "Bold", "Swift", "Prime", "Urban", "Alpine", "Coastal", "Lunar",
            "Solar"};
    private static final String[] SECOND = {"River", "Peak", "Harbor", "Forge", "Field", "Stone", "Bridge", "Grove",
            "Summit", "Valley", "Ridge", "Meadow", "Canyon", "Lake", "Cedar", "Oak", "Pine", "Maple", "Willow",
            "Birch"};
    private static final String[] KIND = {"Labs", "Systems", "Logistics", "Retail", "Health", "Media", "Foods",
            "Energy", "Capital", "Works"};

    private DemoNames() {
    }

    /** Unique for the first 4,000 indexes; beyond that a number keeps it unique. */
    static String name(int i) {
        int n = FIRST.length * SECOND.length * KIND.length;
        String base = FIRST[i % FIRST.length] + " " + SECOND[(i / FIRST.length) % SECOND.length] + " "
                + KIND[(i / (FIRST.length * SECOND.length)) % KIND.length];
        return i < n ? base : base + " " + (i / n);
    }
}
