package org.tessera.crm.core.impl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.testkit.TestDatabase;

/** Generic plans are off around a lookup on PostgreSQL, and only around it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomPlansTest {
    private TestDatabase postgres;

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = TestDatabase.postgres();
    }

    @AfterAll
    void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void postgresPlansTheLookupWithItsValuesThenGoesBackToTheDatabasesSetting() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            assertEquals("auto", planCacheMode(connection));
            assertEquals("force_custom_plan", CustomPlans.during(connection, () -> planCacheMode(connection)));
            assertEquals("auto", planCacheMode(connection), "the rest of the transaction is planned as before");
            connection.commit();
        }
    }

    @Test
    void aFailedLookupLeavesTheSettingToTheRollback() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            SQLException refused = assertThrows(SQLException.class, () -> CustomPlans.during(connection, () -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("SELECT * FROM no_such_table");
                }
            }));
            assertTrue(refused.getMessage().contains("no_such_table"), "the lookup's own failure, not one of the setting: " + refused);
            connection.rollback();
            assertEquals("auto", planCacheMode(connection));
            connection.commit();
        }
    }

    @Test
    void outsideATransactionTheLookupOnlyRuns() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            assertEquals("auto", CustomPlans.during(connection, () -> planCacheMode(connection)));
        }
    }

    @Test
    void derbyHasNoPlanCacheModeAndOnlyRunsTheLookup() throws Exception {
        try (TestDatabase database = TestDatabase.derby(); Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            int one = CustomPlans.during(connection, () -> {
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("VALUES 1")) {
                    row.next();
                    return row.getInt(1);
                }
            });
            assertEquals(1, one);
            connection.rollback();
        }
    }

    private static String planCacheMode(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
            mode.next();
            return mode.getString(1);
        }
    }
}
