package org.tessera.crm.core.modules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

/**
 * The module state tables of changeset 093, in plain JDBC (the same SQL on Derby and PostgreSQL):
 * the desired state of each module, each node's observed state and heartbeat. Each call is a
 * transaction of its own. Only a node writes its own rows; the desired state is written under an
 * optimistic lock on its version, so concurrent changes from two nodes never lose one another:
 * the last one wins and is what every node converges to.
 */
final class ModuleStates {
    /** Attempts of a desired-state change that keeps losing the race to another node's. */
    private static final int PUBLISH_ATTEMPTS = 5;
    private static final String DESIRED_COLUMNS = "module_name, desired, feature_name, feature_version, operation, update_bundle,"
            + " update_location, version, changed_by, changed_at";

    private final DataSource dataSource;

    ModuleStates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private <T> T inTransaction(String what, JdbcTransaction.Work<T> work) {
        try {
            return JdbcTransaction.run(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Every module's desired state, by module name. */
    Map<String, DesiredState> desired() {
        return inTransaction("read the desired module states", connection -> {
            Map<String, DesiredState> states = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT " + DESIRED_COLUMNS
                    + " FROM module_desired_state ORDER BY module_name"); ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    DesiredState state = desired(rows);
                    states.put(state.module(), state);
                }
            }
            return states;
        });
    }

    Optional<DesiredState> desired(String module) {
        return inTransaction("read the desired state of module " + module, connection -> read(connection, module));
    }

    /**
     * Changes the desired state of {@code module}: {@code change} maps the current state (null when
     * the module has none) to the new one, whose version must be one above it (1 for a first state).
     * Read and written again when another node changed it in between.
     *
     * @return the state written
     * @throws IllegalStateException when the database refuses it, or another node keeps changing it
     */
    DesiredState publish(String module, UnaryOperator<DesiredState> change) {
        for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
            Optional<DesiredState> written = inTransaction("write the desired state of module " + module, connection -> {
                DesiredState current = read(connection, module).orElse(null);
                DesiredState next = change.apply(current);
                if (current == null) {
                    return insert(connection, next) ? Optional.of(next) : Optional.empty();
                }
                try (PreparedStatement s = connection.prepareStatement("UPDATE module_desired_state SET desired = ?, feature_name = ?,"
                        + " feature_version = ?, operation = ?, update_bundle = ?, update_location = ?, version = ?, changed_by = ?,"
                        + " changed_at = ? WHERE module_name = ? AND version = ?")) {
                    s.setString(1, next.desired());
                    s.setString(2, next.featureName());
                    s.setString(3, next.featureVersion());
                    s.setString(4, next.operation());
                    s.setString(5, next.updateBundle());
                    s.setString(6, next.updateLocation());
                    s.setInt(7, next.version());
                    s.setString(8, next.changedBy());
                    s.setTimestamp(9, Timestamp.from(next.changedAt()));
                    s.setString(10, module);
                    s.setInt(11, current.version());
                    return s.executeUpdate() == 1 ? Optional.of(next) : Optional.empty();
                }
            });
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new IllegalStateException("the desired state of module " + module + " keeps changing on other nodes: "
                + PUBLISH_ATTEMPTS + " attempts lost to theirs");
    }

    /** Inserts a first state; false when another node inserted one first (the caller reads it again). */
    private static boolean insert(Connection connection, DesiredState state) throws SQLException {
        // a savepoint, so that PostgreSQL's transaction outlives the duplicate key
        java.sql.Savepoint before = connection.setSavepoint();
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO module_desired_state (" + DESIRED_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, state.module());
            s.setString(2, state.desired());
            s.setString(3, state.featureName());
            s.setString(4, state.featureVersion());
            s.setString(5, state.operation());
            s.setString(6, state.updateBundle());
            s.setString(7, state.updateLocation());
            s.setInt(8, state.version());
            s.setString(9, state.changedBy());
            s.setTimestamp(10, Timestamp.from(state.changedAt()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            connection.rollback(before);
            return false;
        }
    }

    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static Optional<DesiredState> read(Connection connection, String module) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + DESIRED_COLUMNS
                + " FROM module_desired_state WHERE module_name = ?")) {
            s.setString(1, module);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(desired(rows)) : Optional.empty();
            }
        }
    }

    private static DesiredState desired(ResultSet rows) throws SQLException {
        return new DesiredState(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getInt(8), rows.getString(9), rows.getTimestamp(10).toInstant());
    }

    /** Records what {@code node} observed of a module (its row replaced). */
    void observe(NodeState state) {
        inTransaction("record the state of module " + state.module() + " on node " + state.nodeId(), connection -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE module_node_state SET state = ?, version = ?, detail = ?,"
                    + " failures = ?, seen_at = ? WHERE node_id = ? AND module_name = ?")) {
                s.setString(1, state.state());
                setInteger(s, 2, state.version());
                s.setString(3, truncate(state.detail()));
                s.setInt(4, state.failures());
                s.setTimestamp(5, Timestamp.from(state.observedAt()));
                s.setString(6, state.nodeId());
                s.setString(7, state.module());
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            // only this node writes its rows, and one thread at a time (the reconciler, or an operation that holds the module's lock)
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO module_node_state (node_id, module_name, state, version,"
                    + " detail, failures, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, state.nodeId());
                s.setString(2, state.module());
                s.setString(3, state.state());
                setInteger(s, 4, state.version());
                s.setString(5, truncate(state.detail()));
                s.setInt(6, state.failures());
                s.setTimestamp(7, Timestamp.from(state.observedAt()));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets what {@code node} observed of {@code module}: a module it no longer has and nobody asked for. */
    void forget(String node, String module) {
        inTransaction("forget module " + module + " on node " + node, connection -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM module_node_state WHERE node_id = ? AND module_name = ?")) {
                s.setString(1, node);
                s.setString(2, module);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What {@code node} observed, by module. */
    Map<String, NodeState> observed(String node) {
        Map<String, NodeState> states = new LinkedHashMap<>();
        for (NodeState state : observed()) {
            if (state.nodeId().equals(node)) {
                states.put(state.module(), state);
            }
        }
        return states;
    }

    /** What every node observed, with its last heartbeat, by module then node. */
    List<NodeState> observed() {
        return inTransaction("read the module states of the nodes", connection -> {
            List<NodeState> states = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT s.node_id, s.module_name, s.state, s.version, s.detail,"
                    + " s.failures, s.seen_at, n.seen_at FROM module_node_state s LEFT JOIN module_node n ON n.node_id = s.node_id"
                    + " ORDER BY s.module_name, s.node_id"); ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    int version = rows.getInt(4);
                    Integer converged = rows.wasNull() ? null : version;
                    Timestamp nodeSeen = rows.getTimestamp(8);
                    states.add(new NodeState(rows.getString(1), rows.getString(2), rows.getString(3), converged, rows.getString(5),
                            rows.getInt(6), rows.getTimestamp(7).toInstant(), nodeSeen == null ? null : nodeSeen.toInstant()));
                }
            }
            return states;
        });
    }

    /** The heartbeat of {@code node}: its row, created at its first beat; {@code starting} at the first beat since it started. */
    void heartbeat(String node, Instant now, boolean starting) {
        inTransaction("record the heartbeat of node " + node, connection -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE module_node SET seen_at = ?"
                    + (starting ? ", started_at = ?" : "") + " WHERE node_id = ?")) {
                int index = 1;
                s.setTimestamp(index++, Timestamp.from(now));
                if (starting) {
                    s.setTimestamp(index++, Timestamp.from(now));
                }
                s.setString(index, node);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO module_node (node_id, started_at, seen_at) VALUES (?, ?, ?)")) {
                s.setString(1, node);
                s.setTimestamp(2, Timestamp.from(now));
                s.setTimestamp(3, Timestamp.from(now));
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Forgets the nodes not seen since {@code before}, with what they observed: nodes that left
     * the cluster for good (a node that comes back starts its rows again).
     *
     * @return the nodes forgotten
     */
    int forgetNodesNotSeenSince(Instant before) {
        return inTransaction("forget the nodes gone", connection -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM module_node_state WHERE node_id IN"
                    + " (SELECT node_id FROM module_node WHERE seen_at < ?)")) {
                s.setTimestamp(1, Timestamp.from(before));
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM module_node WHERE seen_at < ?")) {
                s.setTimestamp(1, Timestamp.from(before));
                return s.executeUpdate();
            }
        });
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    /** A failure's message fits the column; its start says what failed. */
    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}
