package org.tessera.crm.core.api.security;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Roles and the permissions they grant, and disabled logins: kept in the database, where every node
 * reads them, first copied from {@code etc/org.tessera.crm.security.roles.cfg}, and changed through
 * the admin API. A role may be granted only permissions that some registered
 * {@link PermissionProvider} declares; a permission whose module is gone grants nothing.
 */
@ProviderType
public interface RoleService {

    /** Every permission declared by the registered providers, by module. */
    Map<String, Set<String>> declaredPermissions();

    /** Every configured role with the permissions it grants that are currently declared. */
    Map<String, Set<String>> roles();

    /** The declared permissions granted by any of {@code roles}. */
    Set<String> permissionsOf(Set<String> roles);

    /**
     * Replaces the permissions of a role, creating it if needed.
     *
     * @throws org.tessera.crm.core.api.ValidationException when a permission is not declared by any installed module
     */
    void grant(String role, Set<String> permissions);

    /** Removes a role; unknown roles are ignored. */
    void remove(String role);

    /** Whether the login has been disabled: its tokens and passwords are refused. */
    boolean isDisabled(String login);

    /** Disables or re-enables a login. */
    void setDisabled(String login, boolean disabled);
}
