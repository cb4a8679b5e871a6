package org.tessera.crm.core.rest.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No known administrator password in a production start: the distribution ships no {@code admin}
 * login, neither for the API ({@code etc/tessera-users.properties}) nor for the Karaf shell
 * ({@code etc/users.properties}). At first start this generates one random password, gives it to
 * both logins, writes it to {@code etc/tessera-admin.password} (readable by its owner only) and
 * logs once where it is. A login {@code admin} already present is never touched, so a password
 * the operator set survives restarts. With the LDAP backend the API's users come from LDAP and
 * only the shell login is generated.
 */
@Component(configurationPid = RealmConfig.PID)
public class InitialAdminPassword {
    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdminPassword.class);
    /** Karaf's own group of shell administrators, as etc/users.properties declares it. */
    private static final String KARAF_ADMIN_GROUP = "_g_:admingroup";

    @Activate
    public InitialAdminPassword(RealmConfig config) {
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        Path apiUsers = "ldap".equalsIgnoreCase(config.backend()) ? null : Path.of(TesseraJaasRealm.etcPath(config.usersFile()));
        try {
            ensure(apiUsers, etc.resolve("users.properties"), etc.resolve("tessera-admin.password"), new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the administrator password in " + etc, e);
        }
    }

    /**
     * Gives {@code admin} a generated password in each users file that has no {@code admin} yet.
     *
     * @param apiUsers      the API's users file, or {@code null} when the API's users are elsewhere (LDAP)
     * @param shellUsers    Karaf's users file (shell, JMX)
     * @param passwordFile  where the generated password is written for the operator
     * @return whether a password was generated
     */
    static boolean ensure(Path apiUsers, Path shellUsers, Path passwordFile, SecureRandom random) throws IOException {
        boolean apiNeedsOne = apiUsers != null && !hasLogin(apiUsers, ADMIN);
        boolean shellNeedsOne = Files.exists(shellUsers) && !hasLogin(shellUsers, ADMIN);
        if (!apiNeedsOne && !shellNeedsOne) {
            return false;
        }
        String password = generate(random);
        // the file first: a crash after it leaves a password the operator can read, never a login nobody knows
        SecretFiles.write(passwordFile, password + System.lineSeparator());
        if (apiNeedsOne) {
            append(apiUsers, ADMIN + " = " + password + "," + ADMIN);
        }
        if (shellNeedsOne) {
            append(shellUsers, ADMIN + " = " + password + "," + KARAF_ADMIN_GROUP.replace(":", "\\:"));
        }
        LOG.warn("First start: generated the password of the administrator login '{}' ({}{}); it is in {} (readable by its owner "
                + "only). Change it in those files, then delete {}.", ADMIN, apiNeedsOne ? "API" : "", shellNeedsOne
                        ? (apiNeedsOne ? " and Karaf shell" : "Karaf shell") : "", passwordFile, passwordFile);
        return true;
    }

    static boolean hasLogin(Path usersFile, String login) throws IOException {
        if (!Files.exists(usersFile)) {
            return false;
        }
        Properties users = new Properties();
        try (Reader reader = Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
            users.load(reader);
        }
        return users.containsKey(login);
    }

    /** 144 random bits, in characters that need no escaping in a properties file nor in a shell. */
    private static String generate(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }

    private static void append(Path usersFile, String line) throws IOException {
        String existing = Files.exists(usersFile) ? Files.readString(usersFile, StandardCharsets.ISO_8859_1) : "";
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : System.lineSeparator();
        SecretFiles.write(usersFile, (existing + separator + line + System.lineSeparator()).getBytes(StandardCharsets.ISO_8859_1));
    }
}
