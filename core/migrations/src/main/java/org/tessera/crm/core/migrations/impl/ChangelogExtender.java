package org.tessera.crm.core.migrations.impl;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import liquibase.resource.OSGiResourceAccessor;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.module.ModuleHeaders;
import org.tessera.crm.core.api.schema.SchemaReady;

/**
 * The schema extender: migrates the changelog that each starting bundle names in its
 * {@value ModuleHeaders#CHANGELOG} header (the core's and every module's), from that bundle's own
 * resources, and registers {@link SchemaReady} for its module on the bundle's behalf, so that the
 * service leaves with the bundle. Bundles that started before this component are picked up when
 * the tracker opens. Migrations run on a thread of their own ({@link ModuleSchemas}).
 */
@Component(immediate = true)
// SchemaReady is registered by hand, not by DS: tell resolvers (Karaf's feature resolver) who
// provides the service that the modules' persistence components require. Declared here only.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.tessera.crm.core.api.schema.SchemaReady\"",
        uses = SchemaReady.class)
public class ChangelogExtender {
    private static final Logger LOG = LoggerFactory.getLogger(ChangelogExtender.class);
    /** How long stopping waits for a running migration, so that the DataSource does not leave under it. */
    private static final long STOP_WAIT_SECONDS = 60;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "tessera-migrations"));
    private final BundleTracker<BundleSchema> tracker;

    @Activate
    public ChangelogExtender(BundleContext context,
            @Reference(name = "dataSource", target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        ModuleSchemas schemas = new ModuleSchemas((module, bundle, changelog) ->
                new MigrationRunner(new OSGiResourceAccessor(bundle), changelog, module).migrate(dataSource), executor);
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public BundleSchema addingBundle(Bundle bundle, BundleEvent event) {
                return schemas.add(bundle);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, BundleSchema schema) {
                // STARTING to ACTIVE: nothing changes for its schema
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, BundleSchema schema) {
                schemas.remove(schema);
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close(); // withdraws every SchemaReady; migrations still queued find their bundle closed
        executor.shutdown(); // no interrupt: an interrupted JDBC call can leave embedded Derby unusable
        if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.error("A schema migration still runs {} s after the extender stopped", STOP_WAIT_SECONDS);
        }
    }
}
