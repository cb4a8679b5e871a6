package org.tessera.crm.core.migrations.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.tessera.crm.core.api.module.ModuleHeaders;
import org.tessera.crm.core.api.schema.SchemaReady;

/** The extender's logic with fake bundles: what runs, in which order, and what gets announced. */
class ModuleSchemasTest {
    /** A SchemaReady registration made on a bundle's behalf. */
    private record Registration(String bundle, Map<String, Object> properties, boolean[] unregistered) {
        boolean live() {
            return !unregistered[0];
        }
    }

    private final List<String> migrated = new ArrayList<>();
    private final List<Registration> registrations = new ArrayList<>();
    private final Set<String> failing = new java.util.HashSet<>();
    /** Tasks given to the extender's thread, run when the test says so. */
    private final Queue<Runnable> thread = new ArrayDeque<>();
    /** What happens while Liquibase runs, and inside registerService. */
    private Runnable duringMigration = () -> { };
    private Runnable duringRegistration = () -> { };
    private final ModuleSchemas schemas = new ModuleSchemas((module, bundle, changelog) -> {
        duringMigration.run();
        if (failing.contains(module)) {
            throw new IllegalStateException("changeset " + module + "-002 failed: column exists");
        }
        migrated.add(module + ":" + changelog);
        return module + "-002";
    }, thread::add);

    private void runThread() {
        for (Runnable task = thread.poll(); task != null; task = thread.poll()) {
            task.run();
        }
    }

    private Bundle bundle(String symbolicName, String module, String changelog) {
        Hashtable<String, String> headers = new Hashtable<>();
        if (module != null) {
            headers.put(ModuleHeaders.MODULE, module);
        }
        if (changelog != null) {
            headers.put(ModuleHeaders.CHANGELOG, changelog);
        }
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || args[0] != SchemaReady.class) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    assertTrue(args[1] instanceof SchemaReady);
                    duringRegistration.run();
                    Dictionary<?, ?> properties = (Dictionary<?, ?>) args[2];
                    Map<String, Object> copy = new java.util.TreeMap<>();
                    for (Object key : java.util.Collections.list(properties.keys())) {
                        copy.put((String) key, properties.get(key));
                    }
                    Registration registration = new Registration(symbolicName, copy, new boolean[1]);
                    registrations.add(registration);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                            (p, m, a) -> {
                                if (!m.getName().equals("unregister")) {
                                    throw new UnsupportedOperationException(m.getName());
                                }
                                registration.unregistered()[0] = true;
                                return null;
                            });
                });
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> headers;
                    case "getBundleContext" -> context;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion("1.0.0");
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Bundle core() {
        return bundle("core.impl", "core", "core/changelog.xml");
    }

    private Bundle sales() {
        return bundle("sales.impl", "sales", "sales/changelog.xml");
    }

    private List<Registration> live() {
        return registrations.stream().filter(Registration::live).toList();
    }

    @Test
    void aBundleNamingAChangelogIsMigratedThenItsSchemaIsAnnouncedOnItsBehalf() {
        schemas.add(core());
        schemas.add(sales());
        runThread();
        assertEquals(List.of("core:core/changelog.xml", "sales:sales/changelog.xml"), migrated);
        assertEquals(List.of("core.impl", "sales.impl"), live().stream().map(Registration::bundle).toList());
        assertEquals(Map.of(SchemaReady.MODULE, "sales", SchemaReady.VERSION, "sales-002"), live().get(1).properties());
    }

    @Test
    void aModuleThatStartsBeforeTheCoreWaitsForTheCoreSchema() {
        schemas.add(sales());
        runThread();
        assertEquals(List.of(), migrated, "nothing before the core's history and ledger tables exist");
        assertEquals(List.of(), registrations);
        schemas.add(core());
        runThread();
        assertEquals(List.of("core:core/changelog.xml", "sales:sales/changelog.xml"), migrated);
        assertEquals(2, live().size());
    }

    @Test
    void bundlesWithoutAChangelogOrWithoutAModuleAreLeftAlone() {
        assertNull(schemas.add(bundle("core.rest", "core", null)));
        assertNull(schemas.add(bundle("stray", null, "stray/changelog.xml")));
        assertNull(schemas.add(bundle("blank", "blank", " ")));
        assertTrue(thread.isEmpty());
    }

    @Test
    void aFailedMigrationIsLoggedAnnouncesNothingAndDoesNotStopTheOthers() {
        failing.add("dealer");
        schemas.add(core());
        schemas.add(bundle("dealer.impl", "dealer", "dealer/changelog.xml"));
        schemas.add(sales());
        String log = stderrOf(this::runThread);
        assertTrue(log.contains("ERROR") && log.contains("Schema of dealer (bundle dealer.impl 1.0.0, dealer/changelog.xml) NOT migrated")
                && log.contains("changeset dealer-002 failed"), log);
        assertEquals(List.of("core.impl", "sales.impl"), live().stream().map(Registration::bundle).toList());
    }

    @Test
    void modulesWaitWhileTheCoreSchemaFailsAndMigrateOnceItSucceeds() {
        failing.add("core");
        BundleSchema core = schemas.add(core());
        schemas.add(sales());
        stderrOf(this::runThread);
        assertEquals(List.of(), migrated);
        schemas.remove(core);
        failing.clear();
        schemas.add(core()); // the core bundle started again, fixed
        runThread();
        assertEquals(List.of("core:core/changelog.xml", "sales:sales/changelog.xml"), migrated);
    }

    @Test
    void aStoppingBundleTakesItsSchemaReadyWithIt() {
        schemas.add(core());
        BundleSchema sales = schemas.add(sales());
        runThread();
        schemas.remove(sales);
        assertEquals(List.of("core.impl"), live().stream().map(Registration::bundle).toList(), "withdrawn at once, on the caller's thread");
        runThread();
    }

    @Test
    void aBundleStoppedBeforeItsTurnIsNeitherMigratedNorAnnounced() {
        schemas.add(core());
        BundleSchema sales = schemas.add(sales());
        schemas.remove(sales);
        runThread();
        assertEquals(List.of("core:core/changelog.xml"), migrated);
        assertEquals(List.of("core.impl"), live().stream().map(Registration::bundle).toList());
    }

    @Test
    void aBundleStoppedWhileItsMigrationRunsIsNotAnnounced() {
        schemas.add(core());
        runThread();
        BundleSchema sales = schemas.add(sales());
        duringMigration = () -> schemas.remove(sales);
        runThread();
        assertEquals(List.of("core:core/changelog.xml", "sales:sales/changelog.xml"), migrated, "its schema stays migrated");
        assertEquals(List.of("core.impl"), live().stream().map(Registration::bundle).toList());
    }

    @Test
    void aBundleStoppedWhileItsSchemaIsBeingAnnouncedIsWithdrawnAtOnce() {
        schemas.add(core());
        runThread();
        BundleSchema sales = schemas.add(sales());
        duringRegistration = () -> schemas.remove(sales);
        runThread();
        assertEquals(2, registrations.size());
        assertEquals(List.of("core.impl"), live().stream().map(Registration::bundle).toList());
    }

    private static String stderrOf(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
