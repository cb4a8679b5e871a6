package org.tessera.crm.core.rest.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.security.TokenKey;
import org.tessera.crm.core.api.security.TokenKeyStore;

/**
 * Issues and verifies bearer tokens. The signing key lives in the core's database
 * ({@link TokenKeyStore}), so that a token issued by one node is accepted by every other node, and a
 * node restart or a new node changes nothing. The first node to start generates it.
 *
 * <p>Rotating it needs no restart: {@link #rotate()} (the admin API's
 * {@code POST /v1/security/token-key/rotate}) replaces it in the database at once; every node looks
 * at the database again at most once a {@link #RECHECK}, from then on refusing the tokens signed with
 * the old key (their key id is no longer the current one). A token naming a key id this node does
 * not know (signed on a node that rotated a moment ago) makes it look again at once, though not more
 * than once per {@link #UNKNOWN_KID_RECHECK}, so that forged key ids cannot flood the database: a
 * fresh token is accepted everywhere at once, an old one is refused everywhere within a recheck.
 *
 * <p>Upgrade: the key file of earlier versions ({@code tokenKeyFile}, in {@code etc/}) is adopted
 * when the database has no key yet, so that tokens issued before the upgrade stay valid; it is never
 * read again afterwards, nor written.
 */
@Component(service = TokenService.class, configurationPid = AuthConfig.PID)
public class TokenService {
    /** How often the database is looked at for a rotation made on another node. */
    static final Duration RECHECK = Duration.ofSeconds(5);
    /** The least time between two lookups caused by tokens of an unknown key id. */
    static final Duration UNKNOWN_KID_RECHECK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final TokenKeyStore keys;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** The signer of the current key, and when the database was last looked at. */
    private record Current(TokenSigner signer, Instant checkedAt) {
    }

    private volatile Current current;

    @Activate
    public TokenService(@Reference(name = "keys") TokenKeyStore keys, AuthConfig config) {
        this(keys, Path.of(config.tokenKeyFile().replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"))),
                Duration.ofMinutes(config.tokenMinutes()), Clock.systemUTC());
    }

    /** @param legacyKeyFile the key file of earlier versions, adopted if the database has no key yet */
    TokenService(TokenKeyStore keys, Path legacyKeyFile, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.lifetime = lifetime;
        this.clock = clock;
        this.current = new Current(new TokenSigner(firstKey(legacyKeyFile).secret()), clock.instant());
    }

    public String issue(String login, Set<String> roles) {
        return signer().sign(new TokenSigner.Claims(login, roles, expiry()));
    }

    public Instant expiry() {
        return clock.instant().plus(lifetime);
    }

    public Optional<TokenSigner.Claims> verify(String token) {
        Instant now = clock.instant();
        TokenSigner signer = signer();
        Optional<TokenSigner.Claims> claims = signer.verify(token, now);
        if (claims.isPresent() || TokenSigner.kidOf(token).filter(kid -> !kid.equals(signer.kid())).isEmpty()) {
            return claims;
        }
        TokenSigner fresh = recheckIfOlderThan(UNKNOWN_KID_RECHECK);
        return fresh.kid().equals(signer.kid()) ? claims : fresh.verify(token, now);
    }

    /** The id of the current key. */
    public String kid() {
        return signer().kid();
    }

    /**
     * Replaces the key by a new one, at once on this node and within a {@link #RECHECK} on the
     * others: every token issued before is refused from then on.
     *
     * @return the new key's id
     */
    public synchronized String rotate() {
        TokenKey key = keys.replace(newKey());
        current = new Current(new TokenSigner(key.secret()), clock.instant());
        LOG.warn("Token signing key rotated: key id {} (generation {}); tokens signed before are refused", current.signer().kid(),
                key.generation());
        return current.signer().kid();
    }

    /** The current signer, after looking at the database again if it is time to. */
    private TokenSigner signer() {
        return recheckIfOlderThan(RECHECK);
    }

    private TokenSigner recheckIfOlderThan(Duration age) {
        Current seen = current;
        if (clock.instant().isBefore(seen.checkedAt().plus(age))) {
            return seen.signer();
        }
        synchronized (this) {
            seen = current;
            Instant now = clock.instant();
            if (now.isBefore(seen.checkedAt().plus(age))) {
                return seen.signer();
            }
            TokenSigner signer;
            try {
                signer = new TokenSigner(keys.current().orElseGet(() -> {
                    LOG.warn("The token signing key is gone from the database: generating a new one; tokens issued before are refused");
                    return keys.createIfAbsent(newKey());
                }).secret());
            } catch (RuntimeException databaseDown) {
                // Keeps serving with the key known so far rather than refusing every caller; looks again at the next recheck.
                LOG.warn("Cannot read the token signing key from the database, keeping key id {}: {}", seen.signer().kid(),
                        databaseDown.toString());
                signer = seen.signer();
            }
            if (!signer.kid().equals(seen.signer().kid())) {
                LOG.warn("Token signing key changed in the database: key id {}; tokens signed before are refused", signer.kid());
            }
            current = new Current(signer, now);
            return signer;
        }
    }

    /** The key in the database; else the legacy file's, adopted; else a new one. Whichever node stores first wins. */
    private TokenKey firstKey(Path legacyKeyFile) {
        Optional<TokenKey> stored = keys.current();
        if (stored.isPresent()) {
            if (Files.exists(legacyKeyFile)) {
                LOG.info("The token key file {} is no longer read (the key is in the database): it can be deleted", legacyKeyFile);
            }
            return stored.get();
        }
        Optional<byte[]> legacy = readLegacyKey(legacyKeyFile);
        byte[] offered = legacy.orElseGet(this::newKey);
        TokenKey key = keys.createIfAbsent(offered);
        String kid = new TokenSigner(key.secret()).kid();
        if (!Arrays.equals(key.secret(), offered)) {
            LOG.info("Token signing key created by another node: key id {}{}", kid,
                    legacy.isPresent() ? "; the key of " + legacyKeyFile + " was not adopted, tokens it signed are refused" : "");
        } else if (legacy.isPresent()) {
            LOG.info("Adopted the token signing key of {} into the database (key id {}), so that tokens issued before stay valid;"
                    + " the file is no longer read and can be deleted", legacyKeyFile, kid);
        } else {
            LOG.info("Generated the token signing key in the database: key id {}", kid);
        }
        return key;
    }

    /** The key of an earlier version's file, if the file holds a usable one (not empty, truncated, or too short). */
    static Optional<byte[]> readLegacyKey(Path keyFile) {
        if (!Files.exists(keyFile)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile).trim());
            if (key.length >= TokenKey.MIN_BYTES) {
                return Optional.of(key);
            }
        } catch (IllegalArgumentException notBase64) {
            // unusable, as below
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token key file " + keyFile, e);
        }
        LOG.warn("The token key file {} is unusable (empty, truncated or not base64): not adopted; tokens issued before are refused", keyFile);
        return Optional.empty();
    }

    private byte[] newKey() {
        byte[] key = new byte[TokenKey.MIN_BYTES];
        random.nextBytes(key);
        return key;
    }
}
