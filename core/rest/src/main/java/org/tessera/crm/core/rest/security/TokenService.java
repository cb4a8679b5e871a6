package org.tessera.crm.core.rest.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies bearer tokens. The signing key lives in a file of {@code etc/} readable by its
 * owner only (not the bundle's data area, which a bundle update or a cache clean throws away),
 * generated on first start. Rotating it needs no restart: {@link #rotate()} (the admin API's
 * {@code POST /v1/security/token-key/rotate}), or replacing or deleting the file, which is looked
 * at again at most once a {@link #RECHECK} — from then on, tokens signed with the old key are
 * refused (their key id is no longer the current one). The file is written atomically; one found
 * empty or truncated (a crash while it was written) is replaced by a new key with a warning, so
 * that the API stays up.
 */
@Component(service = TokenService.class, configurationPid = AuthConfig.PID)
public class TokenService {
    /** How often the key file is looked at for a change made outside this service. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    private static final int KEY_BYTES = 32;

    private final Path keyFile;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** The signer of the current key, and what the file looked like when it was read. */
    private record Current(TokenSigner signer, FileTime modified, Instant checkedAt) {
    }

    private volatile Current current;

    @Activate
    public TokenService(AuthConfig config) {
        this(Path.of(config.tokenKeyFile().replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"))),
                Duration.ofMinutes(config.tokenMinutes()), Clock.systemUTC());
    }

    TokenService(Path keyFile, Duration lifetime, Clock clock) {
        this.keyFile = keyFile;
        this.lifetime = lifetime;
        this.clock = clock;
        this.current = load();
    }

    public String issue(String login, Set<String> roles) {
        return signer().sign(new TokenSigner.Claims(login, roles, expiry()));
    }

    public Instant expiry() {
        return clock.instant().plus(lifetime);
    }

    public Optional<TokenSigner.Claims> verify(String token) {
        return signer().verify(token, clock.instant());
    }

    /** The id of the current key. */
    public String kid() {
        return signer().kid();
    }

    /**
     * Replaces the key by a new one, at once: every token issued before is refused from now on.
     *
     * @return the new key's id
     */
    public synchronized String rotate() {
        byte[] key = newKey();
        try {
            SecretFiles.write(keyFile, Base64.getEncoder().encodeToString(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token key " + keyFile, e);
        }
        current = new Current(new TokenSigner(key), modified(), clock.instant());
        LOG.warn("Token signing key rotated: key id {}; tokens signed before are refused", current.signer().kid());
        return current.signer().kid();
    }

    /** The current signer, after looking at the file again if it is time to. */
    private TokenSigner signer() {
        Current seen = current;
        Instant now = clock.instant();
        if (now.isBefore(seen.checkedAt().plus(RECHECK))) {
            return seen.signer();
        }
        synchronized (this) {
            seen = current;
            if (!now.isBefore(seen.checkedAt().plus(RECHECK))) {
                FileTime modified = modified();
                if (modified == null || !modified.equals(seen.modified())) {
                    current = load();
                    if (!current.signer().kid().equals(seen.signer().kid())) {
                        LOG.warn("Token signing key changed in {}: key id {}; tokens signed before are refused", keyFile,
                                current.signer().kid());
                    }
                } else {
                    current = new Current(seen.signer(), seen.modified(), now);
                }
            }
            return current.signer();
        }
    }

    private Current load() {
        return new Current(new TokenSigner(loadOrCreateKey(keyFile)), modified(), clock.instant());
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(keyFile);
        } catch (NoSuchFileException missing) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token key " + keyFile, e);
        }
    }

    /**
     * The key in {@code keyFile}; a new one when the file is missing, or unusable (empty, truncated,
     * not base64, too short), written atomically and readable by its owner only.
     */
    static byte[] loadOrCreateKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                Optional<byte[]> key = parse(Files.readString(keyFile));
                if (key.isPresent()) {
                    return key.get();
                }
                LOG.warn("The token key {} is unusable (empty or truncated, perhaps by a crash while it was written): "
                        + "generating a new one; tokens issued before are refused", keyFile);
            }
            byte[] key = newKey(new SecureRandom());
            SecretFiles.write(keyFile, Base64.getEncoder().encodeToString(key));
            LOG.info("Generated the token signing key {}", keyFile);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key " + keyFile, e);
        }
    }

    private static Optional<byte[]> parse(String text) {
        try {
            byte[] key = Base64.getDecoder().decode(text.trim());
            return key.length >= KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] newKey() {
        return newKey(random);
    }

    private static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }
}
