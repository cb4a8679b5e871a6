package org.tessera.crm.core.impl.security;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.security.PermissionProvider;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.security.JdbcRoleStore.Snapshot;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Roles and disabled logins in the core's database, shared by every node ({@link JdbcRoleStore}); the
 * permissions from the {@link PermissionProvider} whiteboard. The first node on an empty schema seeds
 * the tables from {@link RolesConfig}; the configuration is not read for anything else after that.
 *
 * <p>A node answers from a snapshot of the tables. A change made here replaces the snapshot at once;
 * one made on another node is seen when this node next compares the revision, at most
 * {@link #REFRESH} later, one short query by one request thread while the others go on.
 */
@Component(configurationPid = RolesConfig.PID)
@Designate(ocd = RolesConfig.class)
public class SharedRoleService implements RoleService {
    static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(SharedRoleService.class);
    private static final int MAX_PERMISSION_LENGTH = 200;
    private static final int MAX_LOGIN_LENGTH = 200;

    private final Map<PermissionProvider, Set<String>> providers = new ConcurrentHashMap<>();
    private final Map<PermissionProvider, String> providerModules = new ConcurrentHashMap<>();
    private final Tx tx;
    private final AuditTrail auditTrail;
    private final long refreshNanos;
    private final AtomicBoolean comparing = new AtomicBoolean();
    private volatile RolesConfig seed;
    private volatile Snapshot snapshot;
    private volatile long comparedAt;

    @Activate
    public SharedRoleService(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "auditTrail") AuditTrail auditTrail,
            RolesConfig config) {
        this(tx, auditTrail, config, REFRESH);
    }

    SharedRoleService(Tx tx, AuditTrail auditTrail, RolesConfig config, Duration refresh) {
        this.tx = tx;
        this.auditTrail = auditTrail;
        this.seed = config;
        this.refreshNanos = refresh.toNanos();
    }

    @Modified
    void modified(RolesConfig config) {
        seed = config;
        if (snapshot != null) {
            LOG.warn("{} changed, and is not applied: roles and disabled logins are kept in the database, which this file"
                    + " seeded once. Change them with PUT /v1/security/roles/{{role}} and PUT /v1/security/logins/{{login}}",
                    RolesConfig.PID);
        }
    }

    @Reference(name = "permissionProvider", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPermissionProvider(PermissionProvider provider) {
        providers.put(provider, Set.copyOf(provider.permissions()));
        providerModules.put(provider, provider.module());
    }

    void removePermissionProvider(PermissionProvider provider) {
        providers.remove(provider);
        providerModules.remove(provider);
    }

    @Override
    public Map<String, Set<String>> declaredPermissions() {
        Map<String, Set<String>> byModule = new TreeMap<>();
        providers.forEach((provider, permissions) ->
                byModule.computeIfAbsent(providerModules.get(provider), m -> new TreeSet<>()).addAll(permissions));
        return byModule;
    }

    private Set<String> declared() {
        Set<String> all = new TreeSet<>();
        providers.values().forEach(all::addAll);
        return all;
    }

    @Override
    public Map<String, Set<String>> roles() {
        Set<String> declared = declared();
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        new TreeMap<>(current().grants()).forEach((role, granted) -> roles.put(role, RoleGrants.effective(granted, declared)));
        return roles;
    }

    @Override
    public Set<String> permissionsOf(Set<String> roles) {
        Set<String> declared = declared();
        Set<String> permissions = new TreeSet<>();
        Map<String, Set<String>> grants = current().grants();
        for (String role : roles) {
            permissions.addAll(RoleGrants.effective(grants.getOrDefault(role, Set.of()), declared));
        }
        return permissions;
    }

    @Override
    public boolean isDisabled(String login) {
        return current().disabledLogins().contains(login);
    }

    @Override
    public void grant(String role, Set<String> permissions) {
        if (role == null || !role.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new ValidationException(FieldError.invalid("role", "letters, digits, '.', '-' and '_', at most 100"));
        }
        Set<String> declared = declared();
        for (String permission : permissions) {
            if (permission == null || permission.length() > MAX_PERMISSION_LENGTH
                    || declared.stream().noneMatch(known -> RoleGrants.matches(permission, known))) {
                throw new ValidationException(FieldError.invalid("permissions",
                        permission + " is declared by no installed module"));
            }
        }
        change(connection -> {
            Set<String> previous = JdbcRoleStore.role(connection, role).orElse(null);
            JdbcRoleStore.putRole(connection, role, permissions);
            return new Audited(EntityTypes.ROLE, role, previous == null ? AuditAction.CREATE : AuditAction.UPDATE,
                    previous == null ? null : new RoleState(previous), new RoleState(permissions));
        });
    }

    @Override
    public void remove(String role) {
        change(connection -> {
            Set<String> previous = JdbcRoleStore.role(connection, role).orElse(null);
            if (previous == null) {
                return null;
            }
            JdbcRoleStore.deleteRole(connection, role);
            return new Audited(EntityTypes.ROLE, role, AuditAction.DELETE, new RoleState(previous), null);
        });
    }

    @Override
    public void setDisabled(String login, boolean disabled) {
        if (login == null || login.isBlank() || login.length() > MAX_LOGIN_LENGTH) {
            throw new ValidationException(FieldError.invalid("login", "1 to " + MAX_LOGIN_LENGTH + " characters"));
        }
        change(connection -> {
            if (JdbcRoleStore.isDisabled(connection, login) == disabled) {
                return null;
            }
            JdbcRoleStore.setDisabled(connection, login, disabled);
            return new Audited(EntityTypes.LOGIN, login, AuditAction.UPDATE, new LoginState(!disabled), new LoginState(disabled));
        });
    }

    /** One audit record of a change; null when the change changed nothing. */
    private record Audited(String entityType, String id, AuditAction action, Object before, Object after) {
    }

    private interface Change {
        Audited apply(Connection connection) throws java.sql.SQLException;
    }

    /**
     * Runs a change after the revision row is locked, so that it reads what every node wrote before it,
     * with its audit record in the same transaction; then serves the new state here at once.
     */
    private void change(Change change) {
        current(); // seeds the tables on first use
        snapshot = tx.required(em -> SqlWork.sql(JdbcRoleStore.TABLES, () -> {
            Connection connection = em.unwrap(Connection.class);
            JdbcRoleStore.nextRevision(connection);
            Audited audited = change.apply(connection);
            if (audited != null) {
                auditTrail.record(em, audited.entityType(), audited.id(), audited.action(), audited.before(), audited.after(), Set.of());
            }
            return JdbcRoleStore.read(connection);
        }));
        comparedAt = System.nanoTime();
    }

    /** The snapshot, seeded and read on first use, compared with the database's revision once per {@link #REFRESH}. */
    private Snapshot current() {
        Snapshot held = snapshot;
        if (held == null) {
            return load();
        }
        if (System.nanoTime() - comparedAt >= refreshNanos && comparing.compareAndSet(false, true)) {
            try {
                compare(held);
            } catch (RuntimeException e) {
                LOG.warn("Roles: could not look for changes made by other nodes, still serving revision {}: {}", held.revision(), e.getMessage());
            } finally {
                comparedAt = System.nanoTime();
                comparing.set(false);
            }
        }
        return snapshot;
    }

    private void compare(Snapshot held) {
        tx.required(em -> SqlWork.sql(JdbcRoleStore.TABLES, () -> {
            Connection connection = em.unwrap(Connection.class);
            if (JdbcRoleStore.revision(connection).orElse(0L) != held.revision()) {
                snapshot = JdbcRoleStore.read(connection);
                LOG.info("Roles reloaded at revision {}: {}", snapshot.revision(), snapshot.grants().keySet());
            }
            return null;
        }));
    }

    private synchronized Snapshot load() {
        if (snapshot == null) {
            RolesConfig config = seed;
            snapshot = tx.required(em -> SqlWork.sql(JdbcRoleStore.TABLES, () -> {
                Connection connection = em.unwrap(Connection.class);
                if (JdbcRoleStore.seedIfEmpty(connection, RoleGrants.parse(config.roles()), RoleGrants.logins(config.disabledLogins()))) {
                    LOG.info("Roles and disabled logins copied from {} into the database, where every node reads them from now on",
                            RolesConfig.PID);
                }
                return JdbcRoleStore.read(connection);
            }));
            comparedAt = System.nanoTime();
            LOG.info("Roles at revision {}: {}", snapshot.revision(), snapshot.grants().keySet());
        }
        return snapshot;
    }

    /** What the audit trail compares of a role. */
    public static final class RoleState {
        public final String permissions;

        RoleState(Set<String> permissions) {
            this.permissions = String.join(",", new TreeSet<>(permissions));
        }
    }

    /** What the audit trail compares of a login. */
    public static final class LoginState {
        public final boolean disabled;

        LoginState(boolean disabled) {
            this.disabled = disabled;
        }
    }
}
