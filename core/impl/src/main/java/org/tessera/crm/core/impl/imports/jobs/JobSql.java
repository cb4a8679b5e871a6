package org.tessera.crm.core.impl.imports.jobs;

import java.sql.Connection;
import java.sql.SQLException;

import org.tessera.crm.core.kit.jpa.Tx;

/** Plain SQL of the import jobs on the core unit's connection, in a transaction of {@code tx} (joined when one is running). */
final class JobSql {
    private JobSql() {
    }

    /** Work on the connection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    /** Runs {@code work}; an {@link SQLException} leaves as an {@link IllegalStateException} saying {@code what} failed. */
    static <R> R run(Tx tx, String what, Work<R> work) {
        return tx.required(em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
            }
        });
    }
}
