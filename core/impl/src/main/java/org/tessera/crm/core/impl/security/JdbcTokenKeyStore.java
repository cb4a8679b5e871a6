package org.tessera.crm.core.impl.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.security.TokenKey;
import org.tessera.crm.core.api.security.TokenKeyStore;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The token key in the one row of {@code token_key} (id 1). The first key is inserted with that fixed
 * id, so that of two nodes starting at once one insert wins and the other node reads the winner's;
 * a rotation updates the row under its row lock, one generation more.
 */
@Component
public class JdbcTokenKeyStore implements TokenKeyStore {
    private static final int ID = 1;
    private static final String TABLE = "token_key";

    private final Tx tx;
    private final Supplier<Instant> clock;

    @Activate
    public JdbcTokenKeyStore(@Reference(name = "tx", target = CoreUnit.TX) Tx tx) {
        this(tx, Times::now);
    }

    JdbcTokenKeyStore(Tx tx, Supplier<Instant> clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Optional<TokenKey> current() {
        return tx.required(em -> SqlWork.sql(TABLE, () -> read(em.unwrap(Connection.class))));
    }

    @Override
    public TokenKey createIfAbsent(byte[] secret) {
        TokenKey wanted = new TokenKey(secret, 1, Times.millis(clock.get()));
        return tx.required(em -> SqlWork.sql(TABLE, () -> {
            Connection connection = em.unwrap(Connection.class);
            Optional<TokenKey> existing = read(connection);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (SqlWork.insertUnlessDuplicate(connection, () -> insert(connection, wanted))) {
                return wanted;
            }
            return read(connection).orElseThrow(() -> new IllegalStateException("token_key: the key inserted by another node is gone"));
        }));
    }

    @Override
    public TokenKey replace(byte[] secret) {
        new TokenKey(secret, 1, Instant.EPOCH); // refuses a short secret before the database is touched
        return tx.required(em -> SqlWork.sql(TABLE, () -> {
            Connection connection = em.unwrap(Connection.class);
            Instant now = Times.millis(clock.get());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE token_key SET secret = ?, generation = generation + 1, created_at = ? WHERE id = ?")) {
                update.setString(1, encode(secret));
                update.setTimestamp(2, Timestamp.from(now));
                update.setInt(3, ID);
                if (update.executeUpdate() == 1) {
                    return read(connection).orElseThrow();
                }
            }
            TokenKey first = new TokenKey(secret, 1, now);
            if (SqlWork.insertUnlessDuplicate(connection, () -> insert(connection, first))) {
                return first;
            }
            return replace(secret); // another node created the first key meanwhile: replace it
        }));
    }

    private static Optional<TokenKey> read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret, generation, created_at FROM token_key WHERE id = ?")) {
            select.setInt(1, ID);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(new TokenKey(Base64.getDecoder().decode(row.getString(1)), row.getLong(2),
                            row.getTimestamp(3).toInstant()));
                } catch (IllegalArgumentException notAKey) {
                    // not the decoder's message, which quotes a character of the secret
                    throw new IllegalStateException("token_key: the stored key is not base64 of at least " + TokenKey.MIN_BYTES * 8
                            + " bits; delete the row of token_key, a node then generates a new key");
                }
            }
        }
    }

    private static int insert(Connection connection, TokenKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_key (id, secret, generation, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, ID);
            insert.setString(2, encode(key.secret()));
            insert.setLong(3, key.generation());
            insert.setTimestamp(4, Timestamp.from(key.createdAt()));
            return insert.executeUpdate();
        }
    }

    private static String encode(byte[] secret) {
        return Base64.getEncoder().encodeToString(secret);
    }
}
