package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final TokenSigner signer = new TokenSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSignedTokenVerifiesUntilItExpires() {
        String token = signer.sign(new TokenSigner.Claims("mdupont", Set.of("agent", "viewer"), NOW.plusSeconds(60)));
        TokenSigner.Claims claims = signer.verify(token, NOW).orElseThrow();
        assertEquals("mdupont", claims.login());
        assertEquals(Set.of("agent", "viewer"), claims.roles());
        assertTrue(signer.verify(token, NOW.plusSeconds(60)).isEmpty());
    }

    @Test
    void aTamperedPayloadOrAnotherKeyIsRefused() {
        String token = signer.sign(new TokenSigner.Claims("mdupont", Set.of("agent"), NOW.plusSeconds(60)));
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("agent", "admin")
                .getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        assertTrue(signer.verify(forged, NOW).isEmpty());
        TokenSigner other = new TokenSigner("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        assertTrue(other.verify(token, NOW).isEmpty());
        assertTrue(signer.verify("not a token", NOW).isEmpty());
        assertTrue(signer.verify("", NOW).isEmpty());
    }

    @Test
    void aShortKeyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TokenSigner(new byte[16]));
    }

    @Test
    void theKeyIdOfATokenIsReadWithoutTheKeyAndNothingElseGivesOne() {
        String token = signer.sign(new TokenSigner.Claims("mdupont", Set.of("agent"), NOW.plusSeconds(60)));
        assertEquals(Optional.of(signer.kid()), TokenSigner.kidOf(token));
        assertEquals(Optional.empty(), TokenSigner.kidOf("not a token"));
        assertEquals(Optional.empty(), TokenSigner.kidOf("%%%.abc"));
        assertEquals(Optional.empty(), TokenSigner.kidOf(Base64.getUrlEncoder().encodeToString("v1\nkid\nx".getBytes(StandardCharsets.UTF_8)) + ".x"));
    }
}
