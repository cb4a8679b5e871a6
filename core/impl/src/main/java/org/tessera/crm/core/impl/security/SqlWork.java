package org.tessera.crm.core.impl.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/** JDBC work of the authentication tables, whose SQLException is a fault of the database, not of the caller. */
interface SqlWork<T> {
    T run() throws SQLException;

    static <T> T sql(String table, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code insert} under a savepoint: true when it inserted, false when the row's key exists,
     * perhaps inserted by another node a moment ago. The savepoint keeps the transaction usable after
     * the duplicate key, which PostgreSQL otherwise aborts.
     */
    static boolean insertUnlessDuplicate(Connection connection, SqlWork<?> insert) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            insert.run();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }
}
