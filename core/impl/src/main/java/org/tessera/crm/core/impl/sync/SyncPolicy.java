package org.tessera.crm.core.impl.sync;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * The reference applications of the party fields, from the configuration
 * {@code org.tessera.crm.sync} ({@code etc/org.tessera.crm.sync.cfg}). Its keys are the field keys
 * and groups themselves ({@code reference.<field or group>}), which a typed configuration
 * interface cannot list, so the properties are read as a map.
 */
@Component(service = SyncPolicy.class, configurationPid = SyncPolicy.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SyncPolicy {
    public static final String PID = "org.tessera.crm.sync";

    private volatile ReferenceApplications references = ReferenceApplications.NONE;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        references = ReferenceApplications.fromConfiguration(properties);
    }

    public ReferenceApplications references() {
        return references;
    }
}
