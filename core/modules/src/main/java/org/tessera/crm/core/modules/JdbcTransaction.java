package org.tessera.crm.core.modules;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Work on a connection of the DataSource in a transaction of its own: committed when it returns, rolled back when it throws. */
final class JdbcTransaction {
    private JdbcTransaction() {
    }

    /** Work on the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
