package org.tessera.crm.core.rest.security;

import java.time.Instant;
import java.util.Optional;

import org.tessera.crm.core.api.security.TokenKey;
import org.tessera.crm.core.api.security.TokenKeyStore;

/** The one key of {@link TokenKeyStore} in a field, as two nodes on one database would share it. */
class InMemoryTokenKeyStore implements TokenKeyStore {
    private TokenKey key;
    int reads;

    @Override
    public synchronized Optional<TokenKey> current() {
        reads++;
        return Optional.ofNullable(key);
    }

    @Override
    public synchronized TokenKey createIfAbsent(byte[] secret) {
        if (key == null) {
            key = new TokenKey(secret, 1, Instant.EPOCH);
        }
        return key;
    }

    @Override
    public synchronized TokenKey replace(byte[] secret) {
        key = new TokenKey(secret, key == null ? 1 : key.generation() + 1, Instant.EPOCH);
        return key;
    }

    synchronized void clear() {
        key = null;
    }
}
