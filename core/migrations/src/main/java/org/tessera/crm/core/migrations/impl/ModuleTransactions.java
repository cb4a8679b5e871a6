package org.tessera.crm.core.migrations.impl;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.schema.SchemaReady;
import org.tessera.crm.core.kit.jpa.JpaTemplateTx;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Registers the kit's {@link Tx} for every persistence unit of a bundle whose schema is ready, on
 * that bundle's behalf, with the unit's name as {@value Tx#UNIT_PROPERTY}: a module writes no
 * transaction component of its own; its services reference
 * {@code @Reference(target = "(osgi.unit.name=tessera-sales)") Tx}. Aries JPA registers a unit's
 * {@link JpaTemplate} from the bundle that holds the unit, and the schema extender registers
 * {@link SchemaReady} from the bundle that names the changelog: the {@code Tx} appears when both are
 * there and leaves when either goes (the bundle stopping, the unit leaving, a migration failing).
 */
@Component(immediate = true)
// The Tx services are registered by hand on the modules' behalf: tell resolvers who provides them.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.tessera.crm.core.kit.jpa.Tx\"", uses = Tx.class)
public class ModuleTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleTransactions.class);

    /** A persistence unit as Aries JPA registered it: the bundle that holds it, its name, its template. */
    private record Unit(Bundle bundle, Object name, JpaTemplate template) {
    }

    private final ServiceTracker<JpaTemplate, JpaTemplate> templates;
    private final ServiceTracker<SchemaReady, SchemaReady> schemas;
    private final Map<ServiceReference<JpaTemplate>, Unit> units = new HashMap<>();
    /** The bundle on whose behalf each SchemaReady was registered. */
    private final Map<ServiceReference<SchemaReady>, Bundle> readySchemas = new HashMap<>();
    private final Map<ServiceReference<JpaTemplate>, ServiceRegistration<Tx>> registered = new HashMap<>();

    @Activate
    public ModuleTransactions(BundleContext context) {
        schemas = new ServiceTracker<>(context, SchemaReady.class, new Tracking<>(context) {
            @Override
            Bundle added(ServiceReference<SchemaReady> reference, SchemaReady schema, Bundle bundle) {
                readySchemas.put(reference, bundle);
                return bundle;
            }

            @Override
            Bundle removed(ServiceReference<SchemaReady> reference) {
                return readySchemas.remove(reference);
            }
        });
        templates = new ServiceTracker<>(context, JpaTemplate.class, new Tracking<>(context) {
            @Override
            Bundle added(ServiceReference<JpaTemplate> reference, JpaTemplate template, Bundle bundle) {
                units.put(reference, new Unit(bundle, reference.getProperty(Tx.UNIT_PROPERTY), template));
                return bundle;
            }

            @Override
            Bundle removed(ServiceReference<JpaTemplate> reference) {
                Unit unit = units.remove(reference);
                return unit == null ? null : unit.bundle();
            }
        });
        schemas.open();
        templates.open();
    }

    @Deactivate
    void deactivate() {
        templates.close();
        schemas.close();
        synchronized (this) {
            registered.values().forEach(ModuleTransactions::unregister);
            registered.clear();
        }
    }

    /** Registers or withdraws the Tx of each unit of {@code bundle}, so that it exists exactly while its schema is ready. */
    private synchronized void reconcile(Bundle bundle) {
        boolean schemaReady = readySchemas.containsValue(bundle);
        registered.entrySet().removeIf(entry -> {
            Unit unit = units.get(entry.getKey());
            boolean stale = unit == null || (unit.bundle() == bundle && !schemaReady);
            if (stale) {
                unregister(entry.getValue());
                LOG.info("Transactions of unit {} withdrawn", entry.getKey().getProperty(Tx.UNIT_PROPERTY));
            }
            return stale;
        });
        if (schemaReady) {
            units.forEach((reference, unit) -> {
                if (unit.bundle() == bundle && !registered.containsKey(reference)) {
                    register(reference, unit);
                }
            });
        }
    }

    private void register(ServiceReference<JpaTemplate> reference, Unit unit) {
        BundleContext owner = unit.bundle().getBundleContext();
        if (owner == null || unit.name() == null) {
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Tx.UNIT_PROPERTY, unit.name());
        try {
            registered.put(reference, owner.registerService(Tx.class, new JpaTemplateTx(unit.template()), properties));
            LOG.info("Transactions of unit {} ready for {}", unit.name(), unit.bundle().getSymbolicName());
        } catch (IllegalStateException stopping) {
            LOG.debug("{} stopped before its transactions could be registered", unit.bundle().getSymbolicName());
        }
    }

    private static void unregister(ServiceRegistration<Tx> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the owning bundle stopped: the framework withdrew it already
        }
    }

    /** Keeps the state of one kind of service and reconciles the bundle that registered it. */
    private abstract class Tracking<S> implements ServiceTrackerCustomizer<S, S> {
        private final BundleContext context;

        Tracking(BundleContext context) {
            this.context = context;
        }

        /** Records the service; answers the bundle to reconcile. */
        abstract Bundle added(ServiceReference<S> reference, S service, Bundle bundle);

        /** Forgets the service; answers the bundle it belonged to, if known. */
        abstract Bundle removed(ServiceReference<S> reference);

        @Override
        public S addingService(ServiceReference<S> reference) {
            Bundle bundle = reference.getBundle();
            S service = context.getService(reference);
            if (service == null || bundle == null) {
                return null;
            }
            synchronized (ModuleTransactions.this) {
                reconcile(added(reference, service, bundle));
            }
            return service;
        }

        @Override
        public void modifiedService(ServiceReference<S> reference, S service) {
            // the unit's name and the schema's module do not change for a registered service
        }

        @Override
        public void removedService(ServiceReference<S> reference, S service) {
            synchronized (ModuleTransactions.this) {
                // once unregistered, a reference has no bundle any more: the one recorded at registration counts
                Bundle bundle = removed(reference);
                if (bundle != null) {
                    reconcile(bundle);
                }
            }
            context.ungetService(reference);
        }
    }
}
