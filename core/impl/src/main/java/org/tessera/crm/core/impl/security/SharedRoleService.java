package org.tessera.crm.core.impl.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
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
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Roles from configuration ({@link RolesConfig}), permissions from the {@link PermissionProvider}
 * whiteboard. Changes made through the admin API are written back to the same configuration
 * (Karaf keeps it in {@code etc/}), and come back here through {@link #modified}.
 */
@Component(configurationPid = RolesConfig.PID)
@Designate(ocd = RolesConfig.class)
public class ConfiguredRoleService implements RoleService {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRoleService.class);

    private final ConfigurationAdmin configurationAdmin;
    private final Map<PermissionProvider, Set<String>> providers = new ConcurrentHashMap<>();
    private final Map<PermissionProvider, String> providerModules = new ConcurrentHashMap<>();
    private volatile Map<String, Set<String>> grants = Map.of();
    private volatile Set<String> disabledLogins = Set.of();

    private final Tx tx;
    private final AuditTrail auditTrail;

    @Activate
    public ConfiguredRoleService(@Reference(name = "configurationAdmin") ConfigurationAdmin configurationAdmin,
            @Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "auditTrail") AuditTrail auditTrail, RolesConfig config) {
        this.configurationAdmin = configurationAdmin;
        this.tx = tx;
        this.auditTrail = auditTrail;
        modified(config);
    }

    @Modified
    void modified(RolesConfig config) {
        grants = RoleGrants.parse(config.roles());
        disabledLogins = RoleGrants.logins(config.disabledLogins());
        LOG.info("Roles configured: {}", grants.keySet());
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
        grants.forEach((role, granted) -> roles.put(role, RoleGrants.effective(granted, declared)));
        return roles;
    }

    @Override
    public Set<String> permissionsOf(Set<String> roles) {
        Set<String> declared = declared();
        Set<String> permissions = new TreeSet<>();
        Map<String, Set<String>> current = grants;
        for (String role : roles) {
            permissions.addAll(RoleGrants.effective(current.getOrDefault(role, Set.of()), declared));
        }
        return permissions;
    }

    @Override
    public synchronized void grant(String role, Set<String> permissions) {
        if (role == null || !role.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new ValidationException(FieldError.invalid("role", "letters, digits, '.', '-' and '_'"));
        }
        Set<String> declared = declared();
        for (String permission : permissions) {
            if (declared.stream().noneMatch(known -> RoleGrants.matches(permission, known))) {
                throw new ValidationException(FieldError.invalid("permissions",
                        permission + " is declared by no installed module"));
            }
        }
        Map<String, Set<String>> changed = new TreeMap<>(grants);
        Set<String> previous = changed.put(role, new TreeSet<>(permissions));
        storeAudited(changed, disabledLogins, EntityTypes.ROLE, role, previous == null ? AuditAction.CREATE : AuditAction.UPDATE,
                previous == null ? null : new RoleState(previous), new RoleState(permissions));
    }

    @Override
    public synchronized void remove(String role) {
        Map<String, Set<String>> changed = new TreeMap<>(grants);
        Set<String> previous = changed.remove(role);
        if (previous != null) {
            storeAudited(changed, disabledLogins, EntityTypes.ROLE, role, AuditAction.DELETE, new RoleState(previous), null);
        }
    }

    @Override
    public boolean isDisabled(String login) {
        return disabledLogins.contains(login);
    }

    @Override
    public synchronized void setDisabled(String login, boolean disabled) {
        Set<String> logins = new TreeSet<>(disabledLogins);
        if (disabled ? logins.add(login) : logins.remove(login)) {
            storeAudited(grants, logins, EntityTypes.LOGIN, login, AuditAction.UPDATE, new LoginState(!disabled), new LoginState(disabled));
        }
    }

    /**
     * Stores the change inside the transaction that writes its audit record: when the configuration
     * cannot be written, the record rolls back with the transaction.
     */
    private void storeAudited(Map<String, Set<String>> roles, Set<String> logins, String entityType, String id,
            AuditAction action, Object before, Object after) {
        tx.required(em -> {
            auditTrail.record(em, entityType, id, action, before, after, Set.of());
            store(roles, logins);
            return null;
        });
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

    /** Writes the configuration and applies it at once, without waiting for Config Admin's callback. */
    private void store(Map<String, Set<String>> roles, Set<String> logins) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(RolesConfig.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put("roles", RoleGrants.format(roles));
            properties.put("disabledLogins", String.join(",", logins));
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        grants = Map.copyOf(roles);
        disabledLogins = Set.copyOf(logins);
    }
}
