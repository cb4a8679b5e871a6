package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {
    @TempDir
    Path etc;

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

    private TokenService service(Path keyFile) {
        return new TokenService(keyFile, Duration.ofMinutes(60), clock);
    }

    @Test
    void aRotationRefusesTheTokensSignedBeforeAndWritesTheNewKeyForTheOwnerOnly() throws Exception {
        Path keyFile = etc.resolve("tessera-token.key");
        TokenService tokens = service(keyFile);
        String before = tokens.issue("mdupont", Set.of("agent"));
        String oldKid = tokens.kid();
        assertTrue(tokens.verify(before).isPresent());

        String newKid = tokens.rotate();
        assertNotEquals(oldKid, newKid);
        assertTrue(tokens.verify(before).isEmpty(), "a token of the old key is refused at once");
        assertTrue(tokens.verify(tokens.issue("mdupont", Set.of("agent"))).isPresent());
        assertEquals(newKid, service(keyFile).kid(), "the new key is the one a restart reads");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        try (var files = Files.list(etc)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aKeyFileReplacedOrDeletedOutsideIsTakenWithoutARestart() throws Exception {
        Path keyFile = etc.resolve("tessera-token.key");
        TokenService tokens = service(keyFile);
        String before = tokens.issue("mdupont", Set.of("agent"));

        byte[] replacement = new byte[32];
        replacement[0] = 42;
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(replacement));
        Files.setLastModifiedTime(keyFile, FileTime.from(now.plusSeconds(5)));
        assertTrue(tokens.verify(before).isPresent(), "the file is looked at again once a second only");
        now = now.plus(TokenService.RECHECK);
        assertTrue(tokens.verify(before).isEmpty(), "the replaced key refuses the old tokens");
        assertEquals(new TokenSigner(replacement).kid(), tokens.kid());

        String withReplacement = tokens.issue("mdupont", Set.of("agent"));
        Files.delete(keyFile);
        now = now.plus(TokenService.RECHECK);
        assertTrue(tokens.verify(withReplacement).isEmpty(), "a deleted key file means a new key");
        assertTrue(Files.exists(keyFile));
    }

    @Test
    void aTruncatedOrEmptyKeyFileIsReplacedAndTheServiceStarts() throws Exception {
        Path keyFile = etc.resolve("tessera-token.key");
        Files.writeString(keyFile, "");
        TokenService fromEmpty = service(keyFile);
        assertTrue(fromEmpty.verify(fromEmpty.issue("a", Set.of())).isPresent());

        String full = Files.readString(keyFile).trim();
        Files.writeString(keyFile, full.substring(0, 20)); // a crash in the middle of the write
        TokenService fromTruncated = service(keyFile);
        assertTrue(fromTruncated.verify(fromTruncated.issue("a", Set.of())).isPresent());
        assertEquals(32, Base64.getDecoder().decode(Files.readString(keyFile).trim()).length);

        Files.writeString(keyFile, "not base64 at all!");
        assertEquals(32, TokenService.loadOrCreateKey(keyFile).length);
    }
}
