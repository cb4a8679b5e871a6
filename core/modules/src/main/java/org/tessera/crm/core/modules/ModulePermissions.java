package org.tessera.crm.core.modules;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;

/** Permissions of the module registry and of module lifecycle operations. */
@Component
public class ModulePermissions implements PermissionProvider {
    static final String READ = "core.module.read";
    static final String ADMIN = "core.module.admin";

    @Override
    public String module() {
        return ModuleLifecycle.CORE;
    }

    @Override
    public Set<String> permissions() {
        return Set.of(READ, ADMIN);
    }
}
