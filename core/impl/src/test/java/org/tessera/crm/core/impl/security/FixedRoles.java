package org.tessera.crm.core.impl.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.security.RoleService;

/**
 * A role service for database tests: the permissions the modules declare and a fixed set of roles,
 * neither changed by the test. Writes are refused; no login is disabled.
 */
public final class FixedRoles implements RoleService {
    private final Map<String, Set<String>> declared;
    private final Map<String, Set<String>> roles;

    public FixedRoles(Map<String, Set<String>> declared, Map<String, Set<String>> roles) {
        this.declared = declared;
        this.roles = roles;
    }

    @Override
    public Map<String, Set<String>> declaredPermissions() {
        return declared;
    }

    @Override
    public Map<String, Set<String>> roles() {
        return roles;
    }

    @Override
    public Set<String> permissionsOf(Set<String> names) {
        Set<String> permissions = new HashSet<>();
        names.forEach(name -> permissions.addAll(roles.getOrDefault(name, Set.of())));
        return permissions;
    }

    @Override
    public void grant(String role, Set<String> permissions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void remove(String role) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isDisabled(String login) {
        return false;
    }

    @Override
    public void setDisabled(String login, boolean disabled) {
        throw new UnsupportedOperationException();
    }
}
