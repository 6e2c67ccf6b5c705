package org.healthscore.persistence;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Sets up a Jdbi for this project's DAOs: SqlObject support and UTC timestamps. */
public final class Persistence {

    private Persistence() {
    }

    public static Jdbi configure(Jdbi jdbi) {
        return jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new UtcInstantsPlugin());
    }
}
