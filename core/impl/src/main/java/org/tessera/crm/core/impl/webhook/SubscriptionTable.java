package org.tessera.crm.core.impl.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code webhook_subscription} table, on the caller's connection. */
final class SubscriptionTable {
    private static final String COLUMNS = "id, url, event_types, filter_actions, filter_fields, secret, enabled, disabled_reason,"
            + " consecutive_failures, created_by, created_at, updated_at, version";

    private final Connection connection;

    SubscriptionTable(Connection connection) {
        this.connection = connection;
    }

    List<Subscription> list(boolean enabledOnly) throws SQLException {
        String where = enabledOnly ? " WHERE enabled = ?" : "";
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscription" + where + " ORDER BY id")) {
            if (enabledOnly) {
                s.setBoolean(1, true);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Subscription> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(read(rs));
                }
                return all;
            }
        }
    }

    Optional<Subscription> find(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    void insert(Subscription sub) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO webhook_subscription (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, sub.id());
            s.setString(2, sub.url());
            s.setString(3, Lists.join(sub.types()));
            s.setString(4, Lists.join(sub.actions()));
            s.setString(5, Lists.join(sub.changedFields()));
            s.setString(6, sub.secret());
            s.setBoolean(7, sub.enabled());
            s.setString(8, sub.disabledReason());
            s.setInt(9, sub.consecutiveFailures());
            s.setString(10, sub.createdBy());
            s.setTimestamp(11, Timestamp.from(sub.createdAt()));
            s.setTimestamp(12, Timestamp.from(sub.updatedAt()));
            s.setLong(13, sub.version());
            s.executeUpdate();
        }
    }

    /** Writes {@code sub} over the stored version {@code sub.version() - 1}; false when another writer changed it. */
    boolean update(Subscription sub) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE webhook_subscription SET url = ?, event_types = ?,"
                + " filter_actions = ?, filter_fields = ?, secret = ?, enabled = ?, disabled_reason = ?, consecutive_failures = ?,"
                + " updated_at = ?, version = ? WHERE id = ? AND version = ?")) {
            s.setString(1, sub.url());
            s.setString(2, Lists.join(sub.types()));
            s.setString(3, Lists.join(sub.actions()));
            s.setString(4, Lists.join(sub.changedFields()));
            s.setString(5, sub.secret());
            s.setBoolean(6, sub.enabled());
            s.setString(7, sub.disabledReason());
            s.setInt(8, sub.consecutiveFailures());
            s.setTimestamp(9, Timestamp.from(sub.updatedAt()));
            s.setLong(10, sub.version());
            s.setLong(11, sub.id());
            s.setLong(12, sub.version() - 1);
            return s.executeUpdate() == 1;
        }
    }

    boolean delete(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM webhook_subscription WHERE id = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /** A success: the failures in a row start again from zero. */
    void succeeded(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    /** A failure: the failures in a row now, read under the row's lock. */
    int failed(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1 WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        return find(id).map(Subscription::consecutiveFailures).orElse(0);
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        return new Subscription(rs.getLong(1), rs.getString(2), Lists.split(rs.getString(3)), Lists.split(rs.getString(4)),
                Lists.split(rs.getString(5)), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getLong(13));
    }
}
