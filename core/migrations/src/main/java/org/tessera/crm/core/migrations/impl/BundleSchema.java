package org.tessera.crm.core.migrations.impl;

import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tessera.crm.core.api.schema.SchemaReady;

/**
 * One bundle that carries a changelog, from the moment the extender sees it start until it stops:
 * its module, its changelog and, once migrated, the {@link SchemaReady} registered on its behalf.
 * Migrated on the extender's thread, closed on the framework's: the registration is made outside
 * any lock (DS activates the module's components inside {@code registerService}) and dropped
 * again if the bundle stopped meanwhile.
 */
final class BundleSchema {
    /** The service object: a marker, nothing to call. */
    private static final class Ready implements SchemaReady {
    }

    final Bundle bundle;
    final String module;
    final String changelog;
    /** When the extender saw the bundle start, to log how long its module waited. */
    final long seenAt = System.nanoTime();

    private ServiceRegistration<SchemaReady> registration;
    private boolean closed;

    BundleSchema(Bundle bundle, String module, String changelog) {
        this.bundle = bundle;
        this.module = module;
        this.changelog = changelog;
    }

    boolean isCore() {
        return SchemaReady.CORE.equals(module);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Registers {@link SchemaReady} for the module at {@code version}, with the bundle's own
     * context, unless it stopped.
     *
     * @return whether the module's schema is announced
     */
    boolean ready(String version) {
        BundleContext context = bundle.getBundleContext();
        if (context == null || isClosed()) {
            return false;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SchemaReady.MODULE, module);
        if (version != null) {
            properties.put(SchemaReady.VERSION, version);
        }
        ServiceRegistration<SchemaReady> registered;
        try {
            registered = context.registerService(SchemaReady.class, new Ready(), properties);
        } catch (IllegalStateException stopped) {
            return false; // the bundle stopped meanwhile
        }
        boolean keep;
        synchronized (this) {
            keep = !closed;
            if (keep) {
                registration = registered;
            }
        }
        if (!keep) {
            unregister(registered);
        }
        return keep;
    }

    /** Withdraws the module's {@link SchemaReady}, now or as soon as a running migration ends. */
    void close() {
        ServiceRegistration<SchemaReady> registered;
        synchronized (this) {
            closed = true;
            registered = registration;
            registration = null;
        }
        if (registered != null) {
            unregister(registered);
        }
    }

    private static void unregister(ServiceRegistration<SchemaReady> registered) {
        try {
            registered.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it with its stopped bundle
        }
    }

    @Override
    public String toString() {
        return module + " (bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + ", " + changelog + ")";
    }
}
