package org.tessera.crm.core.migrations.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.module.ModuleHeaders;

/**
 * What the extender does with the bundles it tracks, apart from the tracker so that tests drive it
 * directly. A bundle that names a changelog in {@value ModuleHeaders#CHANGELOG} is migrated on
 * {@code executor} (one thread: migrations never run side by side, and the framework's thread
 * never waits for Liquibase), then gets its module's {@code SchemaReady}. Modules wait for the
 * core's schema, whatever order their bundles start in: it creates the history and ledger tables.
 * A failed migration is logged and leaves the module without {@code SchemaReady} (its persistence
 * stays unsatisfied) until its bundle starts again; nothing else is affected.
 */
final class ModuleSchemas {
    /** Runs {@code changelog} from {@code bundle}'s resources; returns the schema version. */
    interface Migrator {
        String migrate(String module, Bundle bundle, String changelog);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModuleSchemas.class);

    private final Migrator migrator;
    private final Executor executor;

    // Touched on the executor's thread only.
    private boolean coreReady;
    private final List<BundleSchema> waitingForCore = new ArrayList<>();

    /** @param executor a single thread: the bookkeeping below relies on it */
    ModuleSchemas(Migrator migrator, Executor executor) {
        this.migrator = migrator;
        this.executor = executor;
    }

    /**
     * A bundle started: schedules its migration if it names a changelog.
     *
     * @return what to {@link #remove} when it stops, or {@code null} when the bundle has no changelog
     */
    BundleSchema add(Bundle bundle) {
        String changelog = header(bundle, ModuleHeaders.CHANGELOG);
        if (changelog == null) {
            return null;
        }
        String module = header(bundle, ModuleHeaders.MODULE);
        if (module == null) {
            LOG.error("Bundle {} names the changelog {} but no {} header: not migrated", bundle.getSymbolicName(),
                    changelog, ModuleHeaders.MODULE);
            return null;
        }
        BundleSchema schema = new BundleSchema(bundle, module, changelog);
        executor.execute(() -> migrate(schema));
        return schema;
    }

    /** The bundle stops: its {@code SchemaReady} leaves at once; a pending migration is dropped. */
    void remove(BundleSchema schema) {
        schema.close();
        executor.execute(() -> {
            waitingForCore.remove(schema);
            if (schema.isCore()) {
                coreReady = false;
            }
        });
    }

    private void migrate(BundleSchema schema) {
        if (schema.isClosed()) {
            return;
        }
        if (!schema.isCore() && !coreReady) {
            LOG.info("Schema of {} waits for the core schema", schema);
            waitingForCore.add(schema);
            return;
        }
        long started = System.nanoTime();
        String version;
        try {
            version = migrator.migrate(schema.module, schema.bundle, schema.changelog);
        } catch (RuntimeException | LinkageError e) {
            // The extender must outlive a module's broken changelog; the module's persistence stays unsatisfied.
            LOG.error("Schema of {} NOT migrated: its persistence will not start until the bundle is started again", schema, e);
            return;
        }
        if (!schema.ready(version)) {
            LOG.info("Schema of {} migrated to version {}, but its bundle stopped meanwhile", schema, version);
            return;
        }
        LOG.info("Schema of {} ready at version {}: migrated in {} ms, {} ms after its bundle started", schema, version,
                millisSince(started), millisSince(schema.seenAt));
        if (schema.isCore()) {
            coreReady = true;
            List<BundleSchema> waiting = List.copyOf(waitingForCore);
            waitingForCore.clear();
            waiting.forEach(this::migrate);
        }
    }

    private static String header(Bundle bundle, String name) {
        String value = bundle.getHeaders("").get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
