package org.tessera.crm.core.impl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.testkit.TestDatabase;

/** Ids from blocks of 50, taken one block at a time or reserved ahead, never twice. */
class IdBlocksTest {
    @Test
    void reservedBlocksOnPostgresqlAreTakenInOneCallAndEachIdIsGivenOnce() throws Exception {
        try (TestDatabase database = TestDatabase.postgres(); Connection connection = database.dataSource().getConnection()) {
            execute(connection, "CREATE SEQUENCE test_seq START WITH 1000 INCREMENT BY 50");
            IdBlocks ids = new IdBlocks(connection);
            ids.next("test_seq"); // the first block: 951..1000
            ids.reserve("test_seq", 120); // 49 left in it, so two more blocks
            assertEquals(1100, lastValue(connection), "both blocks taken at once");
            Set<Long> given = new HashSet<>();
            for (int i = 0; i < 149; i++) {
                given.add(ids.next("test_seq"));
            }
            assertEquals(149, given.size());
            assertEquals(1100, lastValue(connection), "the 149 ids came from what was there");
            ids.reserve("test_seq", 0);
            given.add(ids.next("test_seq"));
            assertEquals(1150, lastValue(connection), "past the reserve, one block at a time again");
            assertEquals(150, given.size(), "no id given twice");
        }
    }

    @Test
    void derbyTakesItsBlocksWhenNeeded() throws Exception {
        try (TestDatabase database = TestDatabase.derby(); Connection connection = database.dataSource().getConnection()) {
            execute(connection, "CREATE SEQUENCE test_seq AS BIGINT START WITH 1000 INCREMENT BY 50");
            IdBlocks ids = new IdBlocks(connection);
            ids.reserve("test_seq", 120);
            Set<Long> given = new HashSet<>();
            for (int i = 0; i < 120; i++) {
                given.add(ids.next("test_seq"));
            }
            assertEquals(120, given.size());
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long lastValue(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT last_value FROM test_seq")) {
            row.next();
            return row.getLong(1);
        }
    }
}
