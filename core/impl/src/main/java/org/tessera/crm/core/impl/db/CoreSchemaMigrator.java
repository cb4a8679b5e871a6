package org.tessera.crm.core.impl.db;

import java.util.Hashtable;

import javax.sql.DataSource;

import liquibase.resource.OSGiResourceAccessor;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Migrates the core schema from this bundle's own changelog when the {@code tessera} DataSource
 * appears, then registers the {@link CoreSchema} marker. The marker is registered by hand (not
 * as this component's service) so that it appears only after a successful migration.
 */
@Component(immediate = true)
// Declared by hand because the marker is registered programmatically, not by DS: lets resolvers
// (Karaf's feature resolver) see who provides the service the other components require.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.tessera.crm.core.impl.db.CoreSchema\"")
public class CoreSchemaMigrator {
    private final ServiceRegistration<CoreSchema> registration;

    @Activate
    public CoreSchemaMigrator(BundleContext context,
            @Reference(name = "dataSource", target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        new MigrationRunner(new OSGiResourceAccessor(context.getBundle())).migrate(dataSource);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CoreSchema.PROPERTY, CoreSchema.VALUE);
        registration = context.registerService(CoreSchema.class, new CoreSchema() { }, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
