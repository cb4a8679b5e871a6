package org.tessera.crm.examples.dealer.impl;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;
import org.tessera.crm.examples.dealer.api.VehicleService;

/** The permissions the pack checks; roles can be granted them only while the pack is installed. */
@Component
public class DealerPermissions implements PermissionProvider {
    static final String VEHICLE_READ = "dealer.vehicle.read";
    static final String VEHICLE_WRITE = "dealer.vehicle.write";

    @Override
    public String module() {
        return VehicleService.MODULE;
    }

    @Override
    public Set<String> permissions() {
        return Set.of(VEHICLE_READ, VEHICLE_WRITE);
    }
}
