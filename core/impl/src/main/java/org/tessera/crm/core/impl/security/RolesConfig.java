package org.tessera.crm.core.impl.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The first roles and disabled logins, in {@code etc/org.tessera.crm.security.roles.cfg}: the first
 * node that starts on an empty database copies them there, and every node reads them from the
 * database since ({@link SharedRoleService}). Plain strings, so that the file stays readable.
 */
@ObjectClassDefinition(name = "Tessera roles",
        description = "The roles, the permissions they grant, and the disabled logins an empty database starts with")
public @interface RolesConfig {
    String PID = "org.tessera.crm.security.roles";

    @AttributeDefinition(description = "Roles separated by ';', each role=permission,permission,... ('*' grants every declared permission)")
    String roles() default "admin=*";

    @AttributeDefinition(description = "Comma-separated logins whose passwords and tokens are refused")
    String disabledLogins() default "";
}
