package org.tessera.crm.core.rest.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * Issues and verifies bearer tokens. The signing key is generated on first start into a file of
 * {@code etc/} readable by its owner only (not the bundle's data area, which a bundle update or a
 * cache clean throws away, invalidating every token); delete the file to revoke every token.
 */
@Component(service = TokenService.class, configurationPid = AuthConfig.PID)
public class TokenService {
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final TokenSigner signer;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public TokenService(AuthConfig config) {
        this.lifetime = Duration.ofMinutes(config.tokenMinutes());
        Path keyFile = Path.of(config.tokenKeyFile().replace("${karaf.etc}", System.getProperty("karaf.etc", "etc")));
        this.signer = new TokenSigner(loadOrCreateKey(keyFile));
    }

    public String issue(String login, Set<String> roles) {
        return signer.sign(new TokenSigner.Claims(login, roles, expiry()));
    }

    public Instant expiry() {
        return clock.instant().plus(lifetime);
    }

    public Optional<TokenSigner.Claims> verify(String token) {
        return signer.verify(token, clock.instant());
    }

    static byte[] loadOrCreateKey(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
                    LOG.info("Generated the token signing key {}", keyFile);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    LOG.debug("Token key {} created concurrently", keyFile);
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
                }
            }
            return Base64.getDecoder().decode(Files.readString(keyFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key " + keyFile, e);
        }
    }
}
