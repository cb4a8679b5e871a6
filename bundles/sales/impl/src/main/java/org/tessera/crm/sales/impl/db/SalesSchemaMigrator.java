package org.tessera.crm.sales.impl.db;

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

/**
 * Runs the sales changelog from this bundle through the core's {@link SchemaMigrations}, then
 * registers the {@link SalesSchema} marker (by hand, so that it appears only after a successful
 * migration). Uninstalling the module never drops its tables.
 */
@Component(immediate = true)
// The marker is registered programmatically: tell resolvers who provides it.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.tessera.crm.sales.impl.db.SalesSchema\"")
public class SalesSchemaMigrator {
    public static final String CHANGELOG = "org/tessera/crm/sales/impl/db/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(SalesSchemaMigrator.class);

    private final ServiceRegistration<SalesSchema> registration;

    @Activate
    public SalesSchemaMigrator(BundleContext context, @Reference SchemaMigrations migrations) {
        String version = migrations.migrate("sales", context.getBundle(), CHANGELOG);
        LOG.info("Sales schema at version {}", version);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SalesSchema.PROPERTY, SalesSchema.VALUE);
        properties.put("tessera.schema.version", version);
        registration = context.registerService(SalesSchema.class, new SalesSchema() { }, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
