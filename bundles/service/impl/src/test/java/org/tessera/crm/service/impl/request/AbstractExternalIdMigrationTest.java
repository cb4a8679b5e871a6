package org.tessera.crm.service.impl.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.service.api.RequestService;

/**
 * The changeset that makes {@code externalId} unique, on a database that already holds duplicates
 * (earlier versions did not check it): it does not fail; the earliest request keeps the id, each
 * later one gives it up with a history row that says so; then a duplicate is refused.
 */
abstract class AbstractExternalIdMigrationTest {
    static final String FIRST = "org/tessera/crm/service/impl/db/service-001-requests.xml";

    protected abstract TestDatabase startDatabase() throws Exception;

    @Test
    void duplicatesLeftByEarlierVersionsAreResolvedAndReported() throws Exception {
        try (TestDatabase database = startDatabase()) {
            database.migrate(RequestService.MODULE, FIRST);
            DataSource ds = database.dataSource();
            insert(ds, 1, "2-1CR");
            insert(ds, 2, "2-1CR");
            insert(ds, 3, "2-1CR");
            insert(ds, 4, "1-10E-5");
            insert(ds, 5, null);
            insert(ds, 6, null);

            database.migrate(RequestService.MODULE, AbstractRequestDatabaseTest.CHANGELOG);

            assertEquals("2-1CR", externalId(ds, 1), "the earliest keeps it");
            assertNull(externalId(ds, 2));
            assertNull(externalId(ds, 3));
            assertEquals("1-10E-5", externalId(ds, 4));
            assertEquals(List.of("2|externalId|2-1CR|null", "3|externalId|2-1CR|null"), history(ds));
            SQLException refused = assertThrows(SQLException.class, () -> insert(ds, 7, "1-10E-5"));
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
            insert(ds, 8, null); // requests that came from nowhere: as many as there are
        }
    }

    private static void insert(DataSource ds, long id, String externalId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO service_request (id, version, number,"
                + " external_id, type_code, summary, party_id, priority, status, status_category, created_at, updated_at)"
                + " VALUES (?, 1, ?, ?, 'INCIDENT', 'Migrated', 1, 'MEDIUM', 'NEW', 'NEW', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setLong(1, id);
            insert.setString(2, "N-" + id);
            insert.setString(3, externalId);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static String externalId(DataSource ds, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement read = c.prepareStatement("SELECT external_id FROM service_request WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> history(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement read = c.prepareStatement("SELECT request_id, field, old_value, new_value, actor"
                + " FROM service_request_history ORDER BY request_id"); ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                assertEquals("migration service-002", rs.getString(5));
                rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return rows;
    }
}
