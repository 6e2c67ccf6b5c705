package org.healthscore.api.key;

/** What a workspace key may do; each role includes the ones before it. */
public enum Role {
    /** Read anything in the workspace. */
    READER,
    /** Also write data and scorecards, and start jobs. */
    WRITER,
    /** Also manage keys and read the audit trail. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
