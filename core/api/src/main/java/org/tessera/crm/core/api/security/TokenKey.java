package org.tessera.crm.core.api.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The key that signs bearer tokens, as the database holds it for every node. Its {@link #toString()}
 * never shows the secret, so that logging a key by mistake leaks nothing.
 */
public final class TokenKey {
    /** The shortest secret accepted: 256 bits. */
    public static final int MIN_BYTES = 32;

    private final byte[] secret;
    private final long generation;
    private final Instant createdAt;

    /**
     * @param generation 1 for the first key, one more at each rotation
     * @throws IllegalArgumentException when the secret is shorter than {@link #MIN_BYTES}
     */
    public TokenKey(byte[] secret, long generation, Instant createdAt) {
        if (secret == null || secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("a token key needs at least " + MIN_BYTES * 8 + " bits");
        }
        this.secret = secret.clone();
        this.generation = generation;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A copy of the secret. */
    public byte[] secret() {
        return secret.clone();
    }

    public long generation() {
        return generation;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKey key && generation == key.generation && Arrays.equals(secret, key.secret)
                && createdAt.equals(key.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generation, createdAt);
    }

    @Override
    public String toString() {
        return "TokenKey[generation=" + generation + ", createdAt=" + createdAt + "]";
    }
}
