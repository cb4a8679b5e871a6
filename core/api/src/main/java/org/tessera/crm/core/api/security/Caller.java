package org.tessera.crm.core.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the authenticated login, the roles the realm gave it, the permissions those
 * roles grant, and the org unit of the agent with the same login (the root of the caller's
 * perimeter, {@code null} when the login is no agent). Immutable.
 */
public final class Caller {
    /** The login recorded for work done without a caller: shell commands, start-up tasks. */
    public static final String SYSTEM_LOGIN = "system";

    private final String login;
    private final Set<String> roles;
    private final Set<String> permissions;
    private final String orgUnitId;

    public Caller(String login, Set<String> roles, Set<String> permissions, String orgUnitId) {
        this.login = Objects.requireNonNull(login, "login");
        this.roles = Set.copyOf(roles);
        this.permissions = Set.copyOf(permissions);
        this.orgUnitId = orgUnitId;
    }

    public String login() {
        return login;
    }

    public Set<String> roles() {
        return roles;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /** The agent's org unit, or {@code null}. */
    public String orgUnitId() {
        return orgUnitId;
    }

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public String toString() {
        return "Caller[" + login + "]";
    }
}
