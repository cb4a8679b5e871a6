package org.tessera.crm.core.impl.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Roles and disabled logins, in {@code etc/org.tessera.crm.security.roles.cfg}. Plain strings, so
 * that the file stays a readable {@code .cfg} when the admin API writes it back.
 */
@ObjectClassDefinition(name = "Tessera roles", description = "Roles, the permissions they grant, and disabled logins")
public @interface RolesConfig {
    String PID = "org.tessera.crm.security.roles";

    @AttributeDefinition(description = "Roles separated by ';', each role=permission,permission,... ('*' grants every declared permission)")
    String roles() default "admin=*";

    @AttributeDefinition(description = "Comma-separated logins whose passwords and tokens are refused")
    String disabledLogins() default "";
}
