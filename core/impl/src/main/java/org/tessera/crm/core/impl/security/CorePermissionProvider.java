package org.tessera.crm.core.impl.security;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.PermissionProvider;

/** Declares the core's permissions, so that roles may be granted them. */
@Component
public class CorePermissionProvider implements PermissionProvider {

    @Override
    public String module() {
        return "core";
    }

    @Override
    public Set<String> permissions() {
        return CorePermissions.ALL;
    }
}
