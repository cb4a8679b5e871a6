package org.tessera.crm.core.impl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ids drawn from the database sequences in blocks, the way EclipseLink preallocates them: the
 * sequences step by 50 (the entities' {@code allocationSize}), and a value {@code v} returned by
 * the sequence reserves {@code v-49 .. v}. Ids taken here therefore never collide with ids that
 * EclipseLink hands out to JPA inserts. One round trip per 50 ids.
 */
public final class IdBlocks {
    static final int BLOCK = 50;

    private final Connection connection;
    private final boolean postgres;
    private final Map<String, long[]> blocks = new HashMap<>();
    private final Map<String, Deque<long[]>> reserved = new HashMap<>();

    public IdBlocks(Connection connection) throws SQLException {
        this.connection = connection;
        this.postgres = !isDerby(connection);
    }

    /** Whether the connection is to Derby rather than PostgreSQL, whose SQL differs for sequences and DDL. */
    public static boolean isDerby(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
    }

    public long next(String sequence) throws SQLException {
        long[] block = blocks.get(sequence);
        if (block == null || block[0] > block[1]) {
            Deque<long[]> ahead = reserved.get(sequence);
            if (ahead != null && !ahead.isEmpty()) {
                block = ahead.poll();
            } else {
                long last = nextValue(sequence);
                block = new long[] {last - BLOCK + 1, last};
            }
            blocks.put(sequence, block);
        }
        return block[0]++;
    }

    /**
     * Takes, on PostgreSQL, enough blocks for the next {@code count} ids of {@code sequence} in one
     * round trip, where {@link #next} would take them one block at a time: a chunk of 500 imported
     * parties needed about 50 sequence calls. Nothing on Derby, where a call is no round trip.
     */
    public void reserve(String sequence, int count) throws SQLException {
        long[] block = blocks.get(sequence);
        long available = block == null ? 0 : Math.max(0, block[1] - block[0] + 1);
        Deque<long[]> ahead = reserved.computeIfAbsent(sequence, s -> new ArrayDeque<>());
        available += (long) ahead.size() * BLOCK;
        if (!postgres || count <= available) {
            return;
        }
        int needed = (int) ((count - available + BLOCK - 1) / BLOCK);
        try (PreparedStatement statement = connection.prepareStatement("SELECT nextval('" + sequence + "') FROM generate_series(1, ?)")) {
            statement.setInt(1, needed);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(1);
                    ahead.add(new long[] {last - BLOCK + 1, last});
                }
            }
        }
    }

    private long nextValue(String sequence) throws SQLException {
        String sql = postgres ? "SELECT nextval('" + sequence + "')" : "VALUES NEXT VALUE FOR " + sequence;
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
