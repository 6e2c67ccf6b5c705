package org.healthscore.api.metric;

/** What a revision did to a catalog entry. */
public enum RevisionChange {
    CREATED,
    UPDATED,
    DELETED
}
