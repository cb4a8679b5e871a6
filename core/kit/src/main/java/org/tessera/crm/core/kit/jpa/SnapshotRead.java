package org.tessera.crm.core.kit.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * A long read with plain JDBC in one transaction, the way an export reads: on PostgreSQL the
 * transaction is made {@code REPEATABLE READ, READ ONLY} before its first statement, so the whole
 * read is one snapshot. Derby (no multi-version reads) keeps {@code READ COMMITTED}: a stronger
 * level there would lock every row read until the end.
 *
 * <pre>
 * long rows = SnapshotRead.run(tx, (em, connection) -&gt; { ... forward-only cursors on connection ... });
 * </pre>
 */
public final class SnapshotRead {
    private SnapshotRead() {
    }

    /** The read: {@code em} and {@code connection} are the same transaction, already a snapshot. */
    @FunctionalInterface
    public interface Work {
        long read(EntityManager em, Connection connection) throws SQLException, IOException;
    }

    /**
     * Runs {@code work} in a transaction of {@code tx} made a snapshot where the database can.
     *
     * @return what {@code work} returned (typically the number of records read)
     * @throws IOException what {@code work} threw
     * @throws PersistenceException for an {@link SQLException}
     */
    public static long run(Tx tx, Work work) throws IOException {
        try {
            return tx.required(em -> {
                Connection connection = begin(em);
                if (connection == null) {
                    throw new PersistenceException("the transaction gives no JDBC connection to read with");
                }
                try {
                    return work.read(em, connection);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (SQLException e) {
                    throw new PersistenceException("the read failed", e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Makes the transaction one snapshot where the database can without locking (PostgreSQL); its connection. */
    static Connection begin(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        try {
            if (connection != null && "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not start the snapshot", e);
        }
        return connection;
    }
}
