package org.tessera.crm.insurance.impl.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids taken from a database sequence in SQL, beside EclipseLink's own use of it. EclipseLink turns
 * one sequence value into a block of {@code increment} ids; whether the block ends or starts at the
 * value differs by platform. Two values taken one after the other, exactly an increment apart
 * (vᵢ₊₁ = vᵢ + increment), make {@code [vᵢ, vᵢ₊₁)} ours whichever way blocks are read: it is the
 * block starting at vᵢ, or vᵢ plus the block ending at vᵢ₊₁. A pair with another writer's value
 * between them is skipped. Every value is drawn from the database's sequence and nothing is counted
 * in memory, so ids taken on several nodes at once never meet.
 */
final class Sequences {
    private Sequences() {
    }

    static List<Long> next(Connection c, String sequence, int count) throws SQLException {
        List<Long> values = new ArrayList<>(count);
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String sql = postgres ? "SELECT nextval('" + sequence + "')" : "VALUES NEXT VALUE FOR " + sequence;
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    values.add(rs.getLong(1));
                }
            }
        }
        return values;
    }

    /** {@code count} ids no one else will use, from a sequence that EclipseLink preallocates by {@code increment}. */
    static List<Long> block(Connection c, String sequence, int increment, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        if (count == 0) {
            return ids;
        }
        long previous = next(c, sequence, 1).get(0);
        while (ids.size() < count) {
            int wanted = (count - ids.size() + increment - 1) / increment;
            for (long value : next(c, sequence, wanted)) {
                if (value - previous == increment) {
                    for (long id = previous; id < value && ids.size() < count; id++) {
                        ids.add(id);
                    }
                }
                previous = value;
            }
        }
        return ids;
    }
}
