package org.tessera.crm.core.impl.party;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.tessera.crm.core.impl.support.SqlBuilder;

/**
 * A forward-only cursor over the rows of one child table of an export, ordered by party id (first
 * column), read alongside the cursor of the parties: {@link #readFor} hands over the rows of one
 * party and stops at the first row of the next, so only the current party's children are ever held.
 */
final class ChildCursor implements AutoCloseable {
    /** Reads what it needs of the current row. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private final PreparedStatement statement;
    private final ResultSet rows;
    private boolean onRow;
    private long partyId;

    ChildCursor(Connection connection, SqlBuilder sql, int fetchSize) throws SQLException {
        statement = sql.prepare(connection, fetchSize);
        try {
            rows = statement.executeQuery();
            advance();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Hands {@code reader} the rows of {@code party}, which must not be below the previous call's.
     * Rows of parties before it are passed over: their party left the criteria between the two
     * cursors' reads, which only a database without snapshots (Derby) lets happen.
     */
    void readFor(long party, RowReader reader) throws SQLException {
        while (onRow && partyId < party) {
            advance();
        }
        while (onRow && partyId == party) {
            reader.read(rows);
            advance();
        }
    }

    private void advance() throws SQLException {
        onRow = rows.next();
        if (onRow) {
            partyId = rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
