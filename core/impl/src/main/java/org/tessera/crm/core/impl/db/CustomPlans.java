package org.tessera.crm.core.impl.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plans a few statements of a transaction with their parameter values on PostgreSQL, for lookups
 * into tables that the same work is filling. The pool keeps prepared statements, and after five
 * executions PostgreSQL may keep one generic plan for every value of a statement's parameters. A
 * plan made while a table was nearly empty (the first chunks of an import into a new database) is
 * a sequential scan, and it stays until the table is analyzed again, which a running import does
 * not wait for. The import's external-id lookup ({@code external_id = ANY (?)}) then compared each
 * stored row with each of the chunk's 500 values: 130 ms a chunk at 100,000 parties, more than a
 * quarter of the database's time. Planned with its values, it probes the unique index: 5 to 10 ms.
 *
 * <p>Only around the lookups, not the whole transaction: planned each time with their values, the
 * chunk's multi-row inserts took three times as long in the database.
 */
public final class CustomPlans {
    /** {@code plan_cache_mode} exists from PostgreSQL 12 on. */
    private static final int FIRST_VERSION = 12;

    /** Statements run under {@link #during}. */
    @FunctionalInterface
    public interface Lookup<T> {
        T run() throws SQLException;
    }

    private CustomPlans() {
    }

    /**
     * Runs {@code lookup} with generic plans off, then turns them back to the database's setting.
     * On Derby, or outside a transaction (the setting is local to a transaction), it only runs it.
     */
    public static <T> T during(Connection connection, Lookup<T> lookup) throws SQLException {
        if (IdBlocks.isDerby(connection) || connection.getAutoCommit()
                || connection.getMetaData().getDatabaseMajorVersion() < FIRST_VERSION) {
            return lookup.run();
        }
        set(connection, "force_custom_plan");
        T result = lookup.run();
        // not in a finally: after a failed statement PostgreSQL refuses every other one until the
        // rollback, which ends the setting anyway
        set(connection, "DEFAULT");
        return result;
    }

    private static void set(Connection connection, String mode) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL plan_cache_mode TO " + mode);
        }
    }
}
