package org.tessera.crm.core.impl.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SQL of roles and disabled logins ({@code 096-security-roles}), on the caller's connection and
 * in the caller's transaction. A change first moves the one row of {@code security_revision}: its row
 * lock orders writers of every node, and the new revision tells the other nodes to reload.
 */
final class JdbcRoleStore {
    static final String TABLES = "security_role";
    private static final int ID = 1;

    /** What a node holds of the tables, as of one revision. */
    record Snapshot(long revision, Map<String, Set<String>> grants, Set<String> disabledLogins) {
        Snapshot {
            grants = Map.copyOf(grants);
            disabledLogins = Set.copyOf(disabledLogins);
        }
    }

    private JdbcRoleStore() {
    }

    /** The current revision; empty while no node has seeded the tables. */
    static Optional<Long> revision(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT revision FROM security_revision WHERE id = ?")) {
            select.setInt(1, ID);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    static Snapshot read(Connection connection) throws SQLException {
        long revision = revision(connection).orElse(0L);
        Map<String, Set<String>> grants = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT r.role_name, p.permission FROM security_role r"
                        + " LEFT JOIN security_role_permission p ON p.role_name = r.role_name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Set<String> permissions = grants.computeIfAbsent(rows.getString(1), r -> new TreeSet<>());
                String permission = rows.getString(2);
                if (permission != null) {
                    permissions.add(permission);
                }
            }
        }
        grants.replaceAll((role, permissions) -> Set.copyOf(permissions));
        Set<String> logins = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT login FROM disabled_login");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                logins.add(rows.getString(1));
            }
        }
        return new Snapshot(revision, grants, logins);
    }

    /**
     * Fills the empty tables with {@code grants} and {@code logins}, unless a node did already (perhaps
     * one starting at the same moment: the revision row's key lets one insert win).
     *
     * @return whether this call seeded them
     */
    static boolean seedIfEmpty(Connection connection, Map<String, Set<String>> grants, Set<String> logins) throws SQLException {
        if (revision(connection).isPresent()) {
            return false;
        }
        boolean first = SqlWork.insertUnlessDuplicate(connection, () -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO security_revision (id, revision) VALUES (?, 1)")) {
                insert.setInt(1, ID);
                return insert.executeUpdate();
            }
        });
        if (first) {
            for (Map.Entry<String, Set<String>> role : grants.entrySet()) {
                putRole(connection, role.getKey(), role.getValue());
            }
            for (String login : logins) {
                setDisabled(connection, login, true);
            }
        }
        return first;
    }

    /** Counts one change more, holding the revision row's lock until the transaction ends. */
    static void nextRevision(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE security_revision SET revision = revision + 1 WHERE id = ?")) {
            update.setInt(1, ID);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("security_revision: its row is missing; restart a node to seed the roles again");
            }
        }
    }

    /** The permissions a role grants, as stored; empty when there is no such role. */
    static Optional<Set<String>> role(Connection connection, String role) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT role_name FROM security_role WHERE role_name = ?")) {
            select.setString(1, role);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
            }
        }
        Set<String> permissions = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT permission FROM security_role_permission WHERE role_name = ?")) {
            select.setString(1, role);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    permissions.add(rows.getString(1));
                }
            }
        }
        return Optional.of(permissions);
    }

    /** Creates the role, or replaces its permissions. */
    static void putRole(Connection connection, String role, Set<String> permissions) throws SQLException {
        if (role(connection, role).isPresent()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM security_role_permission WHERE role_name = ?")) {
                delete.setString(1, role);
                delete.executeUpdate();
            }
        } else {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO security_role (role_name) VALUES (?)")) {
                insert.setString(1, role);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO security_role_permission (role_name, permission) VALUES (?, ?)")) {
            for (String permission : new TreeSet<>(permissions)) {
                insert.setString(1, role);
                insert.setString(2, permission);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void deleteRole(Connection connection, String role) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM security_role_permission WHERE role_name = ?")) {
            delete.setString(1, role);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM security_role WHERE role_name = ?")) {
            delete.setString(1, role);
            delete.executeUpdate();
        }
    }

    static boolean isDisabled(Connection connection, String login) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT login FROM disabled_login WHERE login = ?")) {
            select.setString(1, login);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static void setDisabled(Connection connection, String login, boolean disabled) throws SQLException {
        try (PreparedStatement change = connection.prepareStatement(disabled
                ? "INSERT INTO disabled_login (login) VALUES (?)"
                : "DELETE FROM disabled_login WHERE login = ?")) {
            change.setString(1, login);
            change.executeUpdate();
        }
    }
}
