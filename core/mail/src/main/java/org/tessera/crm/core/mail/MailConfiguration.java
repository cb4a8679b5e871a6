package org.tessera.crm.core.mail;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tessera mail", description = "The SMTP server every module sends mail through")
public @interface MailConfiguration {
    @AttributeDefinition(description = "SMTP host; empty: mail is not configured and every send fails")
    String host() default "";

    @AttributeDefinition(description = "SMTP port")
    int port() default 25;

    @AttributeDefinition(description = "SMTP user; empty: no authentication")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SMTP password")
    String password() default "";

    @AttributeDefinition(description = "Default sender address")
    String from() default "tessera@localhost";

    @AttributeDefinition(description = "Upgrade the connection with STARTTLS (required when true)")
    boolean startTls() default false;

    @AttributeDefinition(description = "Connect with TLS from the start (SMTPS, usually port 465)")
    boolean ssl() default false;

    @AttributeDefinition(description = "Connection timeout in milliseconds")
    int connectTimeoutMillis() default 10_000;

    @AttributeDefinition(description = "Read and write timeout in milliseconds")
    int timeoutMillis() default 30_000;
}
