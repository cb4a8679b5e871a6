package org.tessera.crm.examples.dealer.impl;

import java.util.Hashtable;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.schema.SchemaMigrations;
import org.tessera.crm.examples.dealer.api.VehicleService;

/** Runs the pack's own changelog through the core's migration service, then marks the schema ready. */
@Component(immediate = true)
// The marker is registered programmatically: declare it so that Karaf's resolver knows who provides it.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.tessera.crm.examples.dealer.impl.DealerSchema\"")
public class DealerSchemaMigrator {
    static final String CHANGELOG = "org/tessera/crm/examples/dealer/impl/db/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(DealerSchemaMigrator.class);

    private final ServiceRegistration<DealerSchema> registration;

    @Activate
    public DealerSchemaMigrator(BundleContext context, @Reference SchemaMigrations migrations) {
        String version = migrations.migrate(VehicleService.MODULE, context.getBundle(), CHANGELOG);
        LOG.info("Dealer pack schema at {}", version);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DealerSchema.PROPERTY, DealerSchema.VALUE);
        registration = context.registerService(DealerSchema.class, new DealerSchema() { }, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
