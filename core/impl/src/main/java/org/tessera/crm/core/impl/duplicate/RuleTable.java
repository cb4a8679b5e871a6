package org.tessera.crm.core.impl.duplicate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.party.PartyType;

/**
 * The rule table ({@code duplicate_rule}) and the signature of the rule set the stored matching
 * keys were built for ({@code duplicate_key_state}), read and written on the caller's connection.
 */
final class RuleTable {
    private static final String COLUMNS = "rule_key, version, party_type, rule_action, match_fields, description";

    private final Connection connection;

    RuleTable(Connection connection) {
        this.connection = connection;
    }

    List<DuplicateRuleDTO> list() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM duplicate_rule ORDER BY rule_key");
             ResultSet rs = s.executeQuery()) {
            List<DuplicateRuleDTO> rules = new ArrayList<>();
            while (rs.next()) {
                rules.add(read(rs));
            }
            return rules;
        }
    }

    Optional<DuplicateRuleDTO> find(String key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM duplicate_rule WHERE rule_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    void insert(DuplicateRuleDTO rule) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO duplicate_rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, rule.key);
            s.setLong(2, rule.version);
            s.setString(3, rule.partyType.name());
            s.setString(4, rule.action.name());
            s.setString(5, RuleDefinitions.encode(rule.fields));
            s.setString(6, rule.description);
            s.executeUpdate();
        }
    }

    /** Writes the rule over the stored version {@code rule.version - 1}; false when another writer changed it meanwhile. */
    boolean update(DuplicateRuleDTO rule) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_rule SET version = ?, party_type = ?,"
                + " rule_action = ?, match_fields = ?, description = ? WHERE rule_key = ? AND version = ?")) {
            s.setLong(1, rule.version);
            s.setString(2, rule.partyType.name());
            s.setString(3, rule.action.name());
            s.setString(4, RuleDefinitions.encode(rule.fields));
            s.setString(5, rule.description);
            s.setString(6, rule.key);
            s.setLong(7, rule.version - 1);
            return s.executeUpdate() == 1;
        }
    }

    boolean delete(String key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM duplicate_rule WHERE rule_key = ?")) {
            s.setString(1, key);
            return s.executeUpdate() == 1;
        }
    }

    /** The signature of the rule set and settings the stored keys were built for; empty before the first build. */
    String keySignature() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT signature FROM duplicate_key_state WHERE id = 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    void keySignature(String signature) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_key_state SET signature = ? WHERE id = 1")) {
            s.setString(1, signature);
            s.executeUpdate();
        }
    }

    /**
     * Takes the rebuild of the keys for {@code node} until {@code until}, unless another node holds a
     * lease that has not lapsed at {@code now}; a node may take its own again.
     */
    boolean claimRebuild(String node, Instant now, Instant until) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_key_state SET rebuild_by = ?, rebuild_until = ?"
                + " WHERE id = 1 AND (rebuild_until IS NULL OR rebuild_until < ? OR rebuild_by = ?)")) {
            s.setString(1, node);
            s.setTimestamp(2, Timestamp.from(until));
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, node);
            return s.executeUpdate() == 1;
        }
    }

    /** Extends the node's lease; false when the node no longer holds it (it lapsed and another node took it). */
    boolean renewRebuild(String node, Instant until) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE duplicate_key_state SET rebuild_until = ? WHERE id = 1 AND rebuild_by = ?")) {
            s.setTimestamp(1, Timestamp.from(until));
            s.setString(2, node);
            return s.executeUpdate() == 1;
        }
    }

    void releaseRebuild(String node) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE duplicate_key_state SET rebuild_by = NULL, rebuild_until = NULL WHERE id = 1 AND rebuild_by = ?")) {
            s.setString(1, node);
            s.executeUpdate();
        }
    }

    private static DuplicateRuleDTO read(ResultSet rs) throws SQLException {
        DuplicateRuleDTO rule = new DuplicateRuleDTO();
        rule.key = rs.getString(1);
        rule.version = rs.getLong(2);
        rule.partyType = PartyType.valueOf(rs.getString(3));
        rule.action = DuplicateAction.valueOf(rs.getString(4));
        rule.fields = RuleDefinitions.decode(rs.getString(5));
        rule.description = rs.getString(6);
        return rule;
    }
}
