package org.tessera.crm.core.api.security;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a module declares the permissions it checks. Roles can be granted only
 * permissions of modules whose provider is registered, so a permission leaves with its module.
 */
@ConsumerType
public interface PermissionProvider {

    /** Module name, for example {@code core} or {@code sales}. */
    String module();

    /** The permissions the module checks, each {@code <module>.<entity>.<action>}. */
    Set<String> permissions();
}
