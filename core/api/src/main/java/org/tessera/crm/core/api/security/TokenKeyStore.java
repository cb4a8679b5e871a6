package org.tessera.crm.core.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The bearer-token signing key, kept in the core's database so that every node behind a load
 * balancer signs and verifies with the same key, and a rotation made on one node reaches the
 * others. One key is current at a time: rotating it refuses every token signed before.
 *
 * <p>The secret leaves this service only towards the token service of the same container; it is
 * never logged and never part of a REST answer.
 */
@ProviderType
public interface TokenKeyStore {
    /** The current key, or empty when none was created yet. */
    Optional<TokenKey> current();

    /**
     * Stores {@code secret} as the first key, unless a key exists already. Safe when several nodes
     * start at once: exactly one secret wins, and every caller gets the winner.
     *
     * @return the current key: {@code secret}'s, or the one that was there or won the race
     * @throws IllegalArgumentException when the secret is shorter than {@link TokenKey#MIN_BYTES}
     */
    TokenKey createIfAbsent(byte[] secret);

    /**
     * Replaces the current key by {@code secret} (creating it when there is none), at once for
     * every node that looks again.
     *
     * @return the new key, its generation one more than the replaced one's
     * @throws IllegalArgumentException when the secret is shorter than {@link TokenKey#MIN_BYTES}
     */
    TokenKey replace(byte[] secret);
}
