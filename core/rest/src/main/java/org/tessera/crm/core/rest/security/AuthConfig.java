package org.tessera.crm.core.rest.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Failed-login throttling and token lifetime, in {@code etc/org.tessera.crm.security.auth.cfg}. */
@ObjectClassDefinition(name = "Tessera authentication", description = "Failed-login throttling and bearer tokens")
public @interface AuthConfig {
    String PID = "org.tessera.crm.security.auth";

    @AttributeDefinition(description = "Failed logins in a row after which a login is locked")
    int maxFailures() default 5;

    @AttributeDefinition(description = "How long a locked login is refused, in seconds")
    int lockSeconds() default 60;

    @AttributeDefinition(description = "Lifetime of a bearer token, in minutes")
    int tokenMinutes() default 60;

    @AttributeDefinition(description = "File holding the token signing key; generated on first start")
    String tokenKeyFile() default "${karaf.etc}/tessera-token.key";
}
