package org.tessera.crm.core.modules;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.module.ModuleHeaders;
import org.tessera.crm.core.api.module.ModuleRegistry;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.schema.SchemaMigrations;
import org.tessera.crm.core.api.schema.SchemaReady;

/**
 * Installs, updates, uninstalls and purges modules. Feature operations never refresh bundles
 * ({@code NoAutoRefreshBundles}), so the modules that stay keep serving; after an install or an
 * update, only the modules that import the module's API (forecasting needs sales; banking and
 * insurance use it when present) are rewired to its new revision. Data leave only through
 * {@link #purge}.
 * An install or update returns once the module's schema is migrated (the core's extender does it
 * on a thread of its own after the bundle started), so that what it answers is the module as it
 * now serves.
 *
 * <p>Every operation is refused on the core, audited (what, from where, how it ended) and an
 * update's new build may only come from a location that {@link ModulesConfig} allows.
 *
 * <p>Once done on this node, an install, update or uninstall becomes the module's desired state
 * ({@link ModuleCluster}), which the other nodes sharing the database converge to through
 * {@link #converge}: the same operations, run by their {@link ModuleReconciler}.
 */
@Component(service = ModuleLifecycle.class, configurationPid = ModulesConfig.PID)
@Designate(ocd = ModulesConfig.class)
public class ModuleLifecycle {
    static final String CORE = "core";
    /** The core's bundles, whatever module header they carry: never replaced through the module operations. */
    static final String CORE_BUNDLE_PREFIX = "org.tessera.crm.core.";
    private static final int REWIRE_WAIT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(ModuleLifecycle.class);
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    /** How long an install or update waits for the module's migrations. */
    private static final long SCHEMA_WAIT_SECONDS = 60;

    private final FeaturesService features;
    private final BundleContext context;
    private final ModuleRegistry registry;
    private final SchemaMigrations migrations;
    private final LocationAllowList allowedLocations;
    private final ModuleOperationAudit audit;
    private final ModuleCluster cluster;
    private final CallerContext callers;

    @Activate
    public ModuleLifecycle(BundleContext context, @Reference FeaturesService features, @Reference ModuleRegistry registry,
            @Reference SchemaMigrations migrations,
            @Reference(name = "dataSource", target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference(name = "recorder") AuditRecorder recorder, @Reference ModuleCluster cluster,
            @Reference(name = "callers") CallerContext callers, ModulesConfig config) {
        this.context = context;
        this.features = features;
        this.registry = registry;
        this.migrations = migrations;
        this.allowedLocations = new LocationAllowList(List.of(config.allowedLocations()));
        this.audit = new ModuleOperationAudit(dataSource, recorder);
        this.cluster = cluster;
        this.callers = callers;
    }

    /** Installs the module's feature (does nothing when it is installed) here, then on every node. */
    public void install(String module) {
        refuseCore(module, "installed");
        cluster.exclusively(() -> {
            Feature feature = feature(module);
            installFeature(module, feature, "install");
            publish(module, DesiredState.INSTALL, feature, null, null);
            return null;
        });
    }

    private void installFeature(String module, Feature feature, String what) {
        audited(module, AuditAction.CREATE, what, feature.getName() + "/" + feature.getVersion(), () -> {
            features.installFeature(feature.getName(), feature.getVersion(), NO_REFRESH);
            awaitSchema(module);
            rewireDependents(module);
        });
    }

    /**
     * Uninstalls the module's feature here, then on every node; its tables and rows stay. A module
     * not installed here but desired installed (its install failed here) is uninstalled from the
     * other nodes.
     */
    public void uninstall(String module) {
        refuseCore(module, "uninstalled");
        cluster.exclusively(() -> {
            Feature feature = feature(module);
            if (!features.isInstalled(feature)) {
                boolean desired = cluster.states().desired(module).map(DesiredState::installed).orElse(false);
                if (!desired) {
                    throw new ConflictException("module", "module " + module + " is not installed");
                }
            } else {
                uninstallFeature(module, feature, "uninstall");
            }
            publish(module, DesiredState.UNINSTALL, feature, null, null);
            return null;
        });
    }

    private void uninstallFeature(String module, Feature feature, String what) {
        audited(module, AuditAction.DELETE, what, feature.getName() + "/" + feature.getVersion(),
                () -> features.uninstallFeature(feature.getName(), feature.getVersion(), NO_REFRESH));
    }

    /**
     * Makes {@code operation} the module's desired state, then records that this node is in it.
     * A failure leaves the operation done here only (the reconciler then reports the module
     * {@code LOCAL_ONLY} or {@code DRIFTED}): the caller learns that the other nodes will not follow.
     */
    private void publish(String module, String operation, Feature feature, String updateBundle, String updateLocation) {
        String by = callers.currentLogin();
        DesiredState published;
        try {
            published = cluster.states().publish(module, current -> {
                String featureName = feature != null ? feature.getName() : current.featureName();
                String featureVersion = feature != null ? feature.getVersion() : current.featureVersion();
                return current == null
                        ? DesiredState.create(module, operation, featureName, featureVersion, updateBundle, updateLocation, 1, by,
                                cluster.clock().instant())
                        : current.next(operation, featureName, featureVersion, updateBundle, updateLocation, by, cluster.clock().instant());
            });
        } catch (RuntimeException e) {
            LOG.error("Module {}: {} done on this node, but its desired state could not be recorded: the other nodes will not follow",
                    module, operation, e);
            throw new IllegalStateException(operation + " of module " + module + " done on this node only: its desired state could"
                    + " not be recorded (" + e.getMessage() + ")", e);
        }
        cluster.converged(published);
        LOG.info("Module {}: desired state {} (version {}) by {}", module, published.desired(), published.version(), by);
    }

    /**
     * Runs one step of converging this node to {@code desired}, through the same operations as an
     * administrator's, audited as the system's with the version it converges to.
     *
     * @throws RuntimeException when the step fails; the reconciler records it and tries again later
     */
    void converge(Reconciliation.Action action, DesiredState desired) {
        String module = desired.module();
        String what = " (desired state version " + desired.version() + ")";
        switch (action) {
            case INSTALL -> {
                Feature feature;
                try {
                    feature = features.getFeature(desired.featureName(), desired.featureVersion());
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read feature " + desired.featureName() + ": " + e.getMessage(), e);
                }
                if (feature == null) {
                    throw new IllegalStateException("feature " + desired.featureName() + "/" + desired.featureVersion()
                            + " is not known on this node: add its feature repository");
                }
                installFeature(module, feature, "install" + what);
            }
            case UNINSTALL -> {
                for (Feature feature : installedFeatures(module)) {
                    uninstallFeature(module, feature, "uninstall" + what);
                }
            }
            case UPDATE -> updateBundles(module, desired.updateBundle(), desired.updateLocation(), what);
        }
    }

    /** Whether a feature of the module is installed on this node. */
    boolean installedHere(String module) {
        return !installedFeatures(module).isEmpty();
    }

    /**
     * The modules of the {@code tessera-<module>} features installed on this node whose bundles
     * carry that module's header: not the platform's features ({@code tessera-derby},
     * {@code tessera-demo}...), whose names look the same.
     */
    java.util.Set<String> installedModules() {
        java.util.Set<String> live = new java.util.HashSet<>();
        registry.modules().forEach(dto -> live.add(dto.name));
        java.util.Set<String> modules = new java.util.TreeSet<>();
        try {
            for (Feature feature : features.listInstalledFeatures()) {
                String module = ModuleCatalog.moduleOf(feature.getName());
                if (module != null && live.contains(module)) {
                    modules.add(module);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the installed features: " + e.getMessage(), e);
        }
        return modules;
    }

    private List<Feature> installedFeatures(String module) {
        List<Feature> installed = new ArrayList<>();
        try {
            Feature[] candidates = features.getFeatures(ModuleRegistryImpl.FEATURE_PREFIX + module);
            for (Feature feature : candidates == null ? new Feature[0] : candidates) {
                if (features.isInstalled(feature)) {
                    installed.add(feature);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the features of module " + module + ": " + e.getMessage(), e);
        }
        return installed;
    }

    /**
     * Updates the module's bundles in place: from {@code location} (a {@code file:} or {@code mvn:}
     * URL of a new build that {@link ModulesConfig#allowedLocations()} allows) for the bundle
     * {@code symbolicName}, or each from its own location.
     */
    public void update(String module, String symbolicName, String location) {
        refuseCore(module, "updated");
        cluster.exclusively(() -> {
            updateBundles(module, symbolicName, location, "");
            Feature feature = installedFeatures(module).stream().findFirst().orElse(null);
            if (feature == null && cluster.states().desired(module).isEmpty()) {
                LOG.info("Module {}: no feature deploys it, so its update stays on this node", module);
                return null;
            }
            publish(module, DesiredState.UPDATE, feature, location == null ? null : symbolicName, location);
            return null;
        });
    }

    /** An update; {@code what} follows its name in the audit. */
    private void updateBundles(String module, String symbolicName, String location, String what) {
        List<Bundle> bundles = bundles(module);
        if (bundles.isEmpty()) {
            throw new NotFoundException(ModuleOperationAudit.ENTITY_TYPE, module);
        }
        if (bundles.stream().anyMatch(bundle -> bundle.getSymbolicName().startsWith(CORE_BUNDLE_PREFIX))) {
            throw new ConflictException("module", "module " + module + " holds core bundles, which cannot be updated here");
        }
        if (location != null) {
            String scheme = location.toLowerCase(Locale.ROOT);
            if (!scheme.startsWith("file:") && !scheme.startsWith("mvn:")) {
                throw new ValidationException(FieldError.invalid("location", "must be a file: or mvn: URL"));
            }
            if (!allowedLocations.allows(location)) {
                throw new ValidationException(FieldError.invalid("location",
                        "not an allowed location for module updates (allowedLocations in etc/" + ModulesConfig.PID + ".cfg)"));
            }
            Bundle target = bundles.stream().filter(bundle -> bundle.getSymbolicName().equals(symbolicName)).findFirst()
                    .orElseThrow(() -> new ValidationException(FieldError.invalid("bundle",
                            "no bundle " + symbolicName + " in module " + module)));
            audited(module, AuditAction.UPDATE, "update " + symbolicName + what, location, () -> {
                try (InputStream content = new URL(location).openStream()) {
                    target.update(content);
                }
                rewireDependents(module);
                awaitSchema(module);
            });
            return;
        }
        audited(module, AuditAction.UPDATE, "update" + what, null, () -> {
            for (Bundle bundle : bundles) {
                bundle.update();
            }
            rewireDependents(module);
            awaitSchema(module);
        });
    }

    /**
     * Refreshes the revisions of the module's bundles that an uninstall or an update left behind, and
     * with them the bundles still wired to them: the modules that import this one's API. Without it
     * they would keep the classes of the revision that left and never see the new one's services
     * (forecasting would answer 503 until an operator ran {@code bundle:refresh}). Nothing else is
     * refreshed: a module that does not import this one's packages is not wired to them.
     */
    private void rewireDependents(String module) throws InterruptedException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        List<Bundle> leftBehind = new ArrayList<>();
        for (Bundle bundle : wiring.getRemovalPendingBundles()) {
            if (module.equals(bundle.getHeaders("").get(ModuleHeaders.MODULE))) {
                leftBehind.add(bundle);
            }
        }
        if (leftBehind.isEmpty()) {
            return;
        }
        Collection<Bundle> rewired = wiring.getDependencyClosure(leftBehind);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(leftBehind, event -> done.countDown());
        if (!done.await(REWIRE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("Module {}: the bundles wired to its previous revision are not refreshed after {} s", module, REWIRE_WAIT_SECONDS);
            return;
        }
        LOG.info("Module {}: rewired to its new revision: {}", module,
                rewired.stream().filter(bundle -> !leftBehind.contains(bundle)).map(Bundle::getSymbolicName).sorted().toList());
    }

    /**
     * Waits until the module's {@link SchemaReady} is registered, if one of its bundles names a
     * changelog; an update has withdrawn the previous one when its bundle stopped.
     *
     * @throws IllegalStateException when the schema is not ready in time: its migration failed (the log says why)
     */
    private void awaitSchema(String module) throws InterruptedException, InvalidSyntaxException {
        boolean migrated = bundles(module).stream().anyMatch(bundle -> bundle.getState() == Bundle.ACTIVE
                && bundle.getHeaders("").get(ModuleHeaders.CHANGELOG) != null);
        if (!migrated) {
            return;
        }
        Filter filter = FrameworkUtil.createFilter("(&(objectClass=" + SchemaReady.class.getName() + ")"
                + SchemaReady.target(module) + ")");
        ServiceTracker<SchemaReady, SchemaReady> ready = new ServiceTracker<>(context, filter, null);
        ready.open();
        try {
            if (ready.waitForService(TimeUnit.SECONDS.toMillis(SCHEMA_WAIT_SECONDS)) == null) {
                throw new IllegalStateException("the schema of module " + module + " is not ready after "
                        + SCHEMA_WAIT_SECONDS + " s: see the log for its migration");
            }
        } finally {
            ready.close();
        }
    }

    /**
     * Drops the module's tables and rows. Refused for the core and while the module is installed,
     * and unless {@code confirmation} repeats the module's name.
     *
     * @return the dropped objects
     */
    public List<String> purge(String module, String confirmation) {
        refuseCore(module, "purged");
        if (!ModuleNames.isValid(module)) {
            throw new NotFoundException(ModuleOperationAudit.ENTITY_TYPE, module);
        }
        if (confirmation == null || confirmation.isEmpty()) {
            throw new ValidationException(FieldError.required("confirm"));
        }
        if (!module.equals(confirmation)) {
            throw new ValidationException(FieldError.invalid("confirm", "repeat the module name to confirm the purge"));
        }
        if (registry.module(module).isPresent()) {
            throw new ConflictException("module", "uninstall module " + module + " before purging its data");
        }
        // the tables are shared: another node that still has the module would lose them under its feet
        List<String> elsewhere = cluster.nodesHaving(module);
        if (!elsewhere.isEmpty()) {
            throw new ConflictException("module", "module " + module + " is still installed on node(s) " + String.join(", ", elsewhere)
                    + ": uninstall it there before purging its data");
        }
        List<List<String>> dropped = new ArrayList<>(1);
        // the migration service audits each dropped object in the purge's transaction; the operation and
        // how it ended are audited like every other module operation
        audited(module, AuditAction.DELETE, "purge", null, () -> dropped.add(migrations.purge(module)));
        LOG.warn("Module {} purged: dropped {}", module, dropped.get(0));
        return dropped.get(0);
    }

    private List<Bundle> bundles(String module) {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (module.equals(bundle.getHeaders("").get(ModuleHeaders.MODULE))) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    private Feature feature(String module) {
        if (!ModuleNames.isValid(module)) {
            throw new NotFoundException(ModuleOperationAudit.ENTITY_TYPE, module);
        }
        try {
            return ModuleRegistryImpl.newest(features.getFeatures(ModuleRegistryImpl.FEATURE_PREFIX + module))
                    .orElseThrow(() -> new NotFoundException(ModuleOperationAudit.ENTITY_TYPE, module));
        } catch (NotFoundException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the features of module " + module, e);
        }
    }

    private static void refuseCore(String module, String what) {
        if (CORE.equals(module) || module.startsWith(CORE_BUNDLE_PREFIX)) {
            throw new ConflictException("module", "the core cannot be " + what);
        }
    }

    private interface Operation {
        void run() throws Exception;
    }

    /** Runs {@code operation} timed, then audits it, whether it succeeded or failed. */
    private void audited(String module, AuditAction action, String what, String location, Operation operation) {
        try {
            timed(what, module, operation);
        } catch (RuntimeException failed) {
            audit.record(module, action, what, location, "failed: " + failed.getMessage());
            throw failed;
        }
        audit.record(module, action, what, location, "done");
    }

    private static void timed(String what, String module, Operation operation) {
        long started = System.nanoTime();
        try {
            operation.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " of module " + module + " interrupted", e);
        } catch (Exception e) { // BundleException, IOException, the features service's own
            throw new IllegalStateException(what + " of module " + module + " failed: " + e.getMessage(), e);
        }
        LOG.info("Module {}: {} done in {} ms", module, what, (System.nanoTime() - started) / 1_000_000);
    }
}
