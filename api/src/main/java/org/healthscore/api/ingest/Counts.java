package org.healthscore.api.ingest;

/** What one bulk request did to one kind of row; posting the same data again gives only {@code unchanged}. */
public record Counts(long inserted, long updated, long unchanged) {

    public static final Counts NONE = new Counts(0, 0, 0);

    public Counts plus(Counts other) {
        return new Counts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }
}
