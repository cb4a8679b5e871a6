package org.tessera.crm.core.rest.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The JAAS realm {@code tessera}, in {@code etc/org.tessera.crm.security.realm.cfg}. With
 * {@code backend = ldap}, every property {@code ldap.<option>} is passed to Karaf's
 * {@code LDAPLoginModule} as {@code <option>} (connection.url, user.base.dn, user.filter,
 * role.base.dn, role.filter, role.name.attribute, ...).
 */
@ObjectClassDefinition(name = "Tessera JAAS realm", description = "Where the users of the Tessera API come from")
public @interface RealmConfig {
    String PID = "org.tessera.crm.security.realm";
    String LDAP_OPTION_PREFIX = "ldap.";

    @AttributeDefinition(description = "properties (a users file) or ldap")
    String backend() default "properties";

    @AttributeDefinition(description = "The users file of the properties backend: login = password,role,...")
    String usersFile() default "${karaf.etc}/tessera-users.properties";

    @AttributeDefinition(description = "Demo mode: also accept the demo users (known passwords such as admin/admin) of demoUsersFile."
            + " Off in a production start; bin/load-demo turns it on")
    boolean demoUsers() default false;

    @AttributeDefinition(description = "The demo users, accepted only with demoUsers = true")
    String demoUsersFile() default "${karaf.etc}/tessera-demo-users.properties";
}
