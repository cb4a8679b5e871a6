package org.tessera.crm.core.rest.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HTTP Basic credentials that the realm accepted from a client address within the last
 * {@code ttl}, on this node. A request that presents them again skips the failed-login counters:
 * counting costs two database transactions, and a client's parallel requests, each counted as a
 * failure until its password is checked, would otherwise lock the client out of its own burst. A
 * guesser never holds such credentials, so every guess is still counted. The realm still checks
 * the password of every request, and a failure of the address and login forgets what they had
 * verified: after failures, even the right password is counted (and locked out) again.
 *
 * <p>Kept as HMACs under a random key of this process, never as passwords. Bounded: the least
 * recently used entries go first.
 */
final class VerifiedCredentials {
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final byte[] key = new byte[32];
    /** What an address and login verified, and when. */
    private record Verified(String credentials, Instant at) {
    }

    /** By HMAC of address and login; guarded by {@code this}; access order, for eviction. */
    private final LinkedHashMap<String, Verified> verifiedAt;

    VerifiedCredentials(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        new SecureRandom().nextBytes(key);
        this.verifiedAt = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > VerifiedCredentials.this.maxEntries;
            }
        };
    }

    /** These credentials from this address, as the two HMACs they are kept under. */
    record Entry(String pair, String credentials) {
    }

    Entry entry(String address, String login, String password) {
        String pair = address + "\n" + LoginThrottle.normalize(login);
        return new Entry(hmac(pair), hmac(pair + "\n" + password));
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** True when the realm accepted these credentials within {@code ttl}, with no failure of their pair since. */
    synchronized boolean recentlyVerified(Entry entry) {
        Verified verified = verifiedAt.get(entry.pair());
        if (verified == null || !verified.credentials().equals(entry.credentials())) {
            return false;
        }
        if (clock.instant().isAfter(verified.at().plus(ttl))) {
            verifiedAt.remove(entry.pair());
            return false;
        }
        return true;
    }

    synchronized void verified(Entry entry) {
        verifiedAt.put(entry.pair(), new Verified(entry.credentials(), clock.instant()));
    }

    /** A password of this address and login was refused: whatever they verified is counted again. */
    synchronized void failed(Entry entry) {
        verifiedAt.remove(entry.pair());
    }

    synchronized int size() {
        return verifiedAt.size();
    }
}
