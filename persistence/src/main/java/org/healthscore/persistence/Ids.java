package org.healthscore.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Application-generated ids. Random ids spread inserts across a distributed engine's key space
 * (no AUTO_INCREMENT hot spot) and need no coordination between instances.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** An id shown to clients (workspaces, keys, jobs). */
    public static String newPublicId() {
        return UUID.randomUUID().toString();
    }

    /** A compact internal id for high-volume relations: a random positive 63-bit number. */
    public static long newInternalId() {
        long id;
        do {
            id = RANDOM.nextLong() & Long.MAX_VALUE;
        } while (id == 0);
        return id;
    }
}
