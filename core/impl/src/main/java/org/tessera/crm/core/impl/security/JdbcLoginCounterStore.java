package org.tessera.crm.core.impl.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.security.LoginCounterDTO;
import org.tessera.crm.core.api.security.LoginCounterStore;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Failed-login counters in {@code login_counter}. An update first touches each row with an UPDATE,
 * which takes its row lock until the commit on Derby and PostgreSQL alike, inserting the rows that
 * are missing (a duplicate key means another node inserted it a moment ago: touch it then); only then
 * are the rows read, changed and written, so that no other attempt of any node reads them in
 * between. Rows are locked in the order of their digests, so that two attempts never wait on each
 * other in a cycle; a success clears its pair in place (deleting it would have the next attempt
 * insert it again, and Derby's locks of the deleted row then cross). Should the database still pick
 * an update as a deadlock victim (a trim deleting idle rows in its own order), it is run again.
 */
@Component
public class JdbcLoginCounterStore implements LoginCounterStore {
    private static final String TABLE = "login_counter";
    private static final int CONTENTION_ATTEMPTS = 3;
    /** Deadlock victim (both databases, and PostgreSQL's own), Derby's lock wait timeouts. */
    private static final Set<String> CONTENTION_STATES = Set.of("40001", "40P01", "40XL1", "40XL2");

    private final Tx tx;

    @Activate
    public JdbcLoginCounterStore(@Reference(name = "tx", target = CoreUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public <R> R update(List<String> keys, Instant now, Function<List<LoginCounterDTO>, R> change) {
        if (new HashSet<>(keys).size() != keys.size()) {
            throw new IllegalArgumentException("the counters' keys must be distinct: " + keys.size() + " keys");
        }
        Instant seen = Times.millis(now);
        return retryingContention(() -> tx.required(em -> sql(() -> {
            Connection connection = em.unwrap(Connection.class);
            List<String> digests = keys.stream().map(JdbcLoginCounterStore::digest).toList();
            for (String digest : digests.stream().sorted().toList()) {
                lock(connection, digest, seen);
            }
            List<LoginCounterDTO> counters = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                counters.add(read(connection, digests.get(i), keys.get(i)));
            }
            R result = change.apply(counters);
            for (int i = 0; i < keys.size(); i++) {
                write(connection, digests.get(i), counters.get(i));
            }
            return result;
        })));
    }

    @Override
    public void succeeded(String clear, String decrement) {
        String cleared = digest(clear);
        String decremented = decrement == null ? null : digest(decrement);
        retryingContention(() -> tx.required(em -> sql(() -> {
            Connection connection = em.unwrap(Connection.class);
            // in digest order, as update locks them, or a success and an attempt would wait on each other
            if (decremented != null && decremented.compareTo(cleared) < 0) {
                takeOneBack(connection, decremented);
                reset(connection, cleared);
            } else {
                reset(connection, cleared);
                if (decremented != null) {
                    takeOneBack(connection, decremented);
                }
            }
            return null;
        })));
    }

    /**
     * Clears a counter in place rather than deleting it: a deleted row that the next attempt inserts
     * again makes the two wait on each other on Derby; forgetIdle deletes it once idle.
     */
    private static void reset(Connection connection, String digest) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE login_counter SET failures = 0, locks = 0, locked_until = NULL WHERE counter_key = ?")) {
            update.setString(1, digest);
            update.executeUpdate();
        }
    }

    private static void takeOneBack(Connection connection, String digest) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE login_counter SET failures = failures - 1 WHERE counter_key = ? AND failures > 0")) {
            update.setString(1, digest);
            update.executeUpdate();
        }
    }

    @Override
    public int forgetIdle(Instant idleBefore, Instant now, int maxEntries) {
        return tx.required(em -> SqlWork.sql(TABLE, () -> {
            Connection connection = em.unwrap(Connection.class);
            int forgotten;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM login_counter WHERE last_seen < ? AND (locked_until IS NULL OR locked_until <= ?)")) {
                delete.setTimestamp(1, Timestamp.from(idleBefore));
                delete.setTimestamp(2, Timestamp.from(now));
                forgotten = delete.executeUpdate();
            }
            // the newest counter beyond the bound, then it and every older one go (the key breaks ties of last_seen)
            try (PreparedStatement cut = connection.prepareStatement("SELECT last_seen, counter_key FROM login_counter"
                    + " ORDER BY last_seen DESC, counter_key DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
                cut.setInt(1, Math.max(0, maxEntries));
                try (ResultSet row = cut.executeQuery()) {
                    if (row.next()) {
                        Timestamp lastSeen = row.getTimestamp(1);
                        String key = row.getString(2);
                        try (PreparedStatement delete = connection.prepareStatement(
                                "DELETE FROM login_counter WHERE last_seen < ? OR (last_seen = ? AND counter_key <= ?)")) {
                            delete.setTimestamp(1, lastSeen);
                            delete.setTimestamp(2, lastSeen);
                            delete.setString(3, key);
                            forgotten += delete.executeUpdate();
                        }
                    }
                }
            }
            return forgotten;
        }));
    }

    @Override
    public int count() {
        return tx.required(em -> SqlWork.sql(TABLE, () -> {
            try (PreparedStatement select = em.unwrap(Connection.class).prepareStatement("SELECT COUNT(*) FROM login_counter");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }));
    }

    /**
     * Runs {@code work} in a transaction of its own again when the database chose it as a deadlock
     * victim (or timed its lock wait out): a login must not fail because a trim or another node's
     * attempt crossed it. The store is never called inside another transaction, so nothing else is
     * undone.
     */
    private static <T> T retryingContention(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                Contention contention = contention(failure);
                if (contention == null) {
                    throw failure;
                }
                if (attempt == CONTENTION_ATTEMPTS) {
                    throw new IllegalStateException("login_counter: still contended after " + attempt + " attempts (" + contention.getMessage()
                            + ")");
                }
            }
        }
    }

    /** The contention {@code failure} is or wraps (the transaction template may wrap what the work threw), if any. */
    private static Contention contention(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Contention contention) {
                return contention;
            }
        }
        return null;
    }

    /** A deadlock or a lock wait timeout; no SQLException as cause, so that the Tx lets it through as it is. */
    private static final class Contention extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Contention(String state) {
            super("SQLState " + state, null, false, false);
        }
    }

    private static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            if (CONTENTION_STATES.contains(e.getSQLState())) {
                throw new Contention(e.getSQLState());
            }
            throw new IllegalStateException(TABLE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Holds the row of {@code digest} locked until the commit, inserting it when missing. A row found
     * missing, then inserted by another attempt, may even be gone again (a trim): a few rounds.
     */
    private static void lock(Connection connection, String digest, Instant now) throws SQLException {
        for (int round = 0; round < 3; round++) {
            if (touch(connection, digest, now)) {
                return;
            }
            boolean inserted = SqlWork.insertUnlessDuplicate(connection, () -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO login_counter (counter_key, failures, locks, last_seen) VALUES (?, 0, 0, ?)")) {
                    insert.setString(1, digest);
                    insert.setTimestamp(2, Timestamp.from(now));
                    return insert.executeUpdate();
                }
            });
            if (inserted) {
                return;
            }
        }
        throw new IllegalStateException("login_counter: a counter kept being inserted and deleted by other transactions");
    }

    private static boolean touch(Connection connection, String digest, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE login_counter SET last_seen = ? WHERE counter_key = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, digest);
            return update.executeUpdate() == 1;
        }
    }

    private static LoginCounterDTO read(Connection connection, String digest, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT failures, locks, locked_until, window_start, last_seen FROM login_counter WHERE counter_key = ?")) {
            select.setString(1, digest);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("login_counter: the counter locked a moment ago is gone");
                }
                LoginCounterDTO counter = new LoginCounterDTO();
                counter.key = key;
                counter.failures = row.getInt(1);
                counter.locks = row.getInt(2);
                counter.lockedUntil = instant(row.getTimestamp(3));
                counter.windowStart = instant(row.getTimestamp(4));
                counter.lastSeen = instant(row.getTimestamp(5));
                return counter;
            }
        }
    }

    private static void write(Connection connection, String digest, LoginCounterDTO counter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE login_counter SET failures = ?, locks = ?, locked_until = ?, window_start = ? WHERE counter_key = ?")) {
            update.setInt(1, counter.failures);
            update.setInt(2, counter.locks);
            update.setTimestamp(3, timestamp(counter.lockedUntil));
            update.setTimestamp(4, timestamp(counter.windowStart));
            update.setString(5, digest);
            update.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(Times.millis(instant));
    }

    /** The stored name of a counter: base64url SHA-256 of its key, 43 characters, no login in clear. */
    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
