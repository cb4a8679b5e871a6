package ${package}.impl;

import java.util.Hashtable;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.schema.SchemaMigrations;
import ${package}.api.${entity}Service;

/** Runs the module's changelog through the core's migration service, then marks the schema ready. */
@Component(immediate = true)
// The marker is registered programmatically: declare it so that Karaf's resolver knows who provides it.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"${package}.impl.${Module}Schema\"")
public class ${Module}SchemaMigrator {
    static final String CHANGELOG = "${packageInPathFormat}/impl/db/changelog.xml";

    private final ServiceRegistration<${Module}Schema> registration;

    @Activate
    public ${Module}SchemaMigrator(BundleContext context, @Reference SchemaMigrations migrations) {
        migrations.migrate(${entity}Service.MODULE, context.getBundle(), CHANGELOG);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(${Module}Schema.PROPERTY, ${entity}Service.MODULE);
        registration = context.registerService(${Module}Schema.class, new ${Module}Schema() { }, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
