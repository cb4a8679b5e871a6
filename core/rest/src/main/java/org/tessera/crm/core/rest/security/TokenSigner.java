package org.tessera.crm.core.rest.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, the payload being
 * {@code v2 \n kid \n login \n expiry (epoch seconds) \n roles (comma-separated)}. A token proves who
 * logged in and with which roles until it expires; permissions are recomputed from the roles at each
 * call. The key id {@code kid} is derived from the key, so a token signed before a key rotation is
 * refused by name, whatever its signature.
 */
public final class TokenSigner {
    private static final String VERSION = "v2";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a valid token says. */
    public record Claims(String login, Set<String> roles, Instant expiresAt) {
    }

    private final byte[] key;
    private final String kid;

    public TokenSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a token key needs at least 256 bits");
        }
        this.key = key.clone();
        this.kid = keyId(key);
    }

    /** The id of this signer's key: the first 48 bits of its SHA-256, never the key itself. */
    public String kid() {
        return kid;
    }

    public String sign(Claims claims) {
        String payload = String.join("\n", VERSION, kid, claims.login(), Long.toString(claims.expiresAt().getEpochSecond()),
                String.join(",", claims.roles()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The claims of a well-signed, unexpired token. */
    public Optional<Claims> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
            if (parts.size() != 5 || !VERSION.equals(parts.get(0)) || !kid.equals(parts.get(1))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts.get(3)));
            if (!now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            Set<String> roles = new TreeSet<>(Arrays.asList(parts.get(4).split(",")));
            roles.remove("");
            return Optional.of(new Claims(parts.get(2), roles, expiresAt));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The key id a token names, unverified: only to tell a token of another key (a rotation made on
     * another node) from a forged or damaged one, never to trust the token.
     */
    public static Optional<String> kidOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8).split("\n", 3);
            return parts.length == 3 && VERSION.equals(parts[0]) ? Optional.of(parts[1]) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String keyId(byte[] key) {
        try {
            return ENCODER.encodeToString(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 6));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
