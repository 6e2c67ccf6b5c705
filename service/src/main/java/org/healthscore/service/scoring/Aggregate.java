package org.healthscore.service.scoring;

/**
 * What the observations of one measure give at an asOf date: its raw value ({@code null} when missing, DESIGN.md
 * 3.2) and the age of its newest observation ({@code null} when there is none at or before asOf).
 *
 * @param value   the aggregated raw value, finite, or {@code null} when the value is missing
 * @param ageDays whole UTC days from the newest observation's date to asOf (0 = observed on the asOf day); shown
 *                in the breakdown, never scored
 */
public record Aggregate(Double value, Integer ageDays) {

    public static final Aggregate MISSING = new Aggregate(null, null);

    public Aggregate {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite or null (missing), was " + value);
        }
        if (ageDays != null && ageDays < 0) {
            throw new IllegalArgumentException("ageDays must be at least 0, was " + ageDays);
        }
    }

    public static Aggregate of(double value) {
        return new Aggregate(value, null);
    }

    public boolean present() {
        return value != null;
    }
}
