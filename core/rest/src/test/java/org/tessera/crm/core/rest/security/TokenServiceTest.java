package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.crm.core.api.security.TokenKey;

class TokenServiceTest {
    @TempDir
    Path etc;

    private final InMemoryTokenKeyStore database = new InMemoryTokenKeyStore();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** A node on the shared database, with no key file of an earlier version. */
    private TokenService node() {
        return new TokenService(database, etc.resolve("tessera-token.key"), Duration.ofMinutes(60), clock);
    }

    @Test
    void aTokenIssuedByOneNodeIsAcceptedByAnotherAndARestartKeepsTheKey() {
        TokenService a = node();
        TokenService b = node();
        String token = a.issue("mdupont", Set.of("agent"));
        assertEquals(a.kid(), b.kid());
        assertEquals("mdupont", b.verify(token).orElseThrow().login());
        assertTrue(node().verify(token).isPresent(), "a restarted node keeps the key");
        assertTrue(Files.notExists(etc.resolve("tessera-token.key")), "no key file is written");
    }

    @Test
    void aRotationRefusesTheOldTokensAtOnceOnItsNodeAndWithinTheRecheckOnTheOthers() {
        TokenService a = node();
        TokenService b = node();
        String before = a.issue("mdupont", Set.of("agent"));
        String oldKid = a.kid();

        String newKid = a.rotate();
        assertNotEquals(oldKid, newKid);
        assertTrue(a.verify(before).isEmpty(), "a token of the old key is refused at once where it was rotated");
        assertTrue(b.verify(before).isPresent(), "the other node has not looked yet");
        now = now.plus(TokenService.RECHECK);
        assertTrue(b.verify(before).isEmpty(), "the other node refuses the old key within a recheck");
        assertEquals(newKid, b.kid());
        assertEquals(newKid, node().kid(), "the new key is the one a restart reads");
    }

    @Test
    void aTokenOfAKeyRotatedOnAnotherNodeIsAcceptedWithoutWaitingForTheRecheck() {
        TokenService a = node();
        TokenService b = node();
        String before = a.issue("mdupont", Set.of("agent"));
        assertTrue(b.verify(before).isPresent());
        a.rotate();
        String after = a.issue("mdupont", Set.of("agent"));
        now = now.plus(TokenService.UNKNOWN_KID_RECHECK);
        assertTrue(b.verify(after).isPresent(), "an unknown key id makes the node look again");
        assertTrue(b.verify(before).isEmpty(), "and from then on the old key is refused");
    }

    @Test
    void forgedKeyIdsCannotMakeEveryVerificationReadTheDatabase() {
        TokenService b = node();
        TokenSigner forger = new TokenSigner(new byte[32]);
        int reads = database.reads;
        for (int i = 0; i < 100; i++) {
            String forged = forger.sign(new TokenSigner.Claims("admin", Set.of("admin"), now.plusSeconds(60)));
            assertTrue(b.verify(forged).isEmpty());
            now = now.plusMillis(20); // 100 tries in two seconds
        }
        assertTrue(database.reads - reads <= 2, "database reads: " + (database.reads - reads));
    }

    @Test
    void theKeyFileOfAnEarlierVersionIsAdoptedSoThatItsTokensStayValid() throws Exception {
        byte[] legacy = new byte[32];
        legacy[0] = 42;
        Path keyFile = etc.resolve("tessera-token.key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(legacy) + "\n");
        String issuedBeforeTheUpgrade = new TokenSigner(legacy).sign(new TokenSigner.Claims("mdupont", Set.of("agent"), now.plusSeconds(600)));

        TokenService upgraded = node();
        assertTrue(upgraded.verify(issuedBeforeTheUpgrade).isPresent());
        assertArrayEquals(legacy, database.current().orElseThrow().secret());

        upgraded.rotate();
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(legacy));
        assertTrue(node().verify(issuedBeforeTheUpgrade).isEmpty(), "once the database has a key the file is never read again");
    }

    @Test
    void anUnusableKeyFileIsNotAdoptedAndTheServiceStarts() throws Exception {
        Path keyFile = etc.resolve("tessera-token.key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[32]).substring(0, 20)); // truncated by a crash
        TokenService tokens = node();
        assertTrue(tokens.verify(tokens.issue("a", Set.of())).isPresent());
        assertNotEquals(new TokenSigner(new byte[32]).kid(), tokens.kid());
        Files.writeString(keyFile, "not base64 at all!");
        assertEquals(Optional.empty(), TokenService.readLegacyKey(keyFile));
        Files.writeString(keyFile, "");
        assertEquals(Optional.empty(), TokenService.readLegacyKey(keyFile));
    }

    @Test
    void aKeyDeletedFromTheDatabaseIsReplacedAndAnUnreachableDatabaseKeepsTheKnownKey() {
        TokenService tokens = node();
        String before = tokens.issue("mdupont", Set.of("agent"));
        database.clear();
        now = now.plus(TokenService.RECHECK);
        assertTrue(tokens.verify(before).isEmpty(), "a new key was generated");
        assertTrue(database.current().isPresent());

        String current = tokens.issue("mdupont", Set.of("agent"));
        TokenService unreachable = new TokenService(new InMemoryTokenKeyStore() {
            private boolean down;

            @Override
            public synchronized Optional<TokenKey> current() {
                if (down) {
                    throw new IllegalStateException("connection refused");
                }
                down = true;
                return database.current();
            }
        }, etc.resolve("none"), Duration.ofMinutes(60), clock);
        now = now.plus(TokenService.RECHECK);
        assertTrue(unreachable.verify(current).isPresent(), "tokens stay valid while the database cannot be read");
    }

    @Test
    void theKeyNeverShowsInTheKeysText() {
        node();
        TokenKey key = database.current().orElseThrow();
        assertEquals("TokenKey[generation=1, createdAt=1970-01-01T00:00:00Z]", key.toString());
    }
}
