package org.tessera.crm.core.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the authenticated login, the roles the realm gave it, the permissions those
 * roles grant, and the org unit of the agent with the same login (the root of the caller's
 * perimeter, {@code null} when the login is no agent). Immutable.
 */
public final class Caller {
    /** The login of the system caller: shell commands, demo loading, start-up and background tasks. */
    public static final String SYSTEM_LOGIN = "system";
    private static final Caller SYSTEM = new Caller(SYSTEM_LOGIN, Set.of(), Set.of(), null, true);

    private final String login;
    private final Set<String> roles;
    private final Set<String> permissions;
    private final String orgUnitId;
    private final boolean system;

    public Caller(String login, Set<String> roles, Set<String> permissions, String orgUnitId) {
        this(login, roles, permissions, orgUnitId, false);
    }

    private Caller(String login, Set<String> roles, Set<String> permissions, String orgUnitId, boolean system) {
        this.login = Objects.requireNonNull(login, "login");
        this.roles = Set.copyOf(roles);
        this.permissions = Set.copyOf(permissions);
        this.orgUnitId = orgUnitId;
        this.system = system;
    }

    /**
     * The caller of work that no API client started (a shell command, demo loading, a start-up or
     * background task): every permission, every record. Bind it explicitly, with
     * {@link CallerContext#callAsSystem}; a thread with no caller bound is denied everything.
     */
    public static Caller system() {
        return SYSTEM;
    }

    /** Whether this is {@link #system()}. */
    public boolean isSystem() {
        return system;
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

    /** Whether the caller holds {@code permission}; the system holds every one. */
    public boolean hasPermission(String permission) {
        return system || permissions.contains(permission);
    }

    @Override
    public String toString() {
        return "Caller[" + login + "]";
    }
}
