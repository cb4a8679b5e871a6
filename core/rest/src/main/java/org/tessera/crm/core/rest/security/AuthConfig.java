package org.tessera.crm.core.rest.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Failed-login throttling (see {@link LoginThrottle}) and bearer tokens, in {@code etc/org.tessera.crm.security.auth.cfg}. */
@ObjectClassDefinition(name = "Tessera authentication", description = "Failed-login throttling and bearer tokens")
public @interface AuthConfig {
    String PID = "org.tessera.crm.security.auth";

    @AttributeDefinition(description = "Failed logins in a row, from one client address, after which that login is locked for that address")
    int maxFailures() default 5;

    @AttributeDefinition(description = "Failed logins within addressWindowSeconds, whatever the login, after which a client address"
            + " is locked; 0 counts per login only (behind a reverse proxy every client has the proxy's address)")
    int maxFailuresPerAddress() default 30;

    @AttributeDefinition(description = "The window of maxFailuresPerAddress, in seconds")
    int addressWindowSeconds() default 60;

    @AttributeDefinition(description = "How long the first lock lasts, in seconds; each new lock of the same counter doubles it")
    int lockSeconds() default 60;

    @AttributeDefinition(description = "The longest lock, in seconds")
    int maxLockSeconds() default 900;

    @AttributeDefinition(description = "Seconds after which an idle failure counter is forgotten")
    int forgetSeconds() default 1800;

    @AttributeDefinition(description = "About this many failure counters are kept (in the database, for all nodes); the least recently used go first")
    int maxTrackedEntries() default 10000;

    @AttributeDefinition(description = "Lifetime of a bearer token, in minutes")
    int tokenMinutes() default 60;

    @AttributeDefinition(description = "Token signing key file of versions that kept the key there: adopted once, when the database"
            + " holds no key yet, so that tokens issued before the upgrade stay valid; never read again nor written")
    String tokenKeyFile() default "${karaf.etc}/tessera-token.key";
}
