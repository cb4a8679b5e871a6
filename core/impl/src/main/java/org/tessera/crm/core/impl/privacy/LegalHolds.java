package org.tessera.crm.core.impl.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.tessera.crm.core.api.privacy.LegalHoldDTO;
import org.tessera.crm.core.kit.Ids;

/** The {@code party_legal_hold} rows, read and written on the caller's connection. */
final class LegalHolds {
    private LegalHolds() {
    }

    static LegalHoldDTO of(Connection connection, long party) {
        try (PreparedStatement select = connection.prepareStatement("SELECT reason, set_by, set_at FROM party_legal_hold WHERE party_id = ?")) {
            select.setLong(1, party);
            LegalHoldDTO hold = new LegalHoldDTO();
            hold.partyId = Ids.format(party);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    hold.active = true;
                    hold.reason = rs.getString(1);
                    hold.setBy = rs.getString(2);
                    hold.setAt = Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null);
                }
            }
            return hold;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the legal hold of party " + party + ": " + e.getMessage(), e);
        }
    }

    static void set(Connection connection, long party, String reason, String login, Instant at) {
        clear(connection, party);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO party_legal_hold (party_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, party);
            insert.setString(2, reason);
            insert.setString(3, login);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the legal hold of party " + party + ": " + e.getMessage(), e);
        }
    }

    static void clear(Connection connection, long party) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM party_legal_hold WHERE party_id = ?")) {
            delete.setLong(1, party);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the legal hold of party " + party + ": " + e.getMessage(), e);
        }
    }
}
