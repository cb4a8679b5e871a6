package org.tessera.crm.itests;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Refreshes the bundles of some modules, as an operator does with {@code bundle:refresh} after
 * reinstalling a module that others import optionally (forecasting and banking import sales, sales
 * imports marketing): feature operations never refresh, so the suites that follow others' module
 * operations in the shared container start from the wiring of now.
 */
final class ModuleBundles {
    private ModuleBundles() {
    }

    /** Refreshes every bundle whose {@code Tessera-Module} header names one of {@code modules}; waits until done. */
    static void refresh(BundleContext context, Collection<String> modules, int seconds) throws InterruptedException {
        refresh(context, module -> module != null && modules.contains(module), modules.toString(), seconds); // List.of rejects contains(null)
    }

    /** Refreshes the bundles of every module (any bundle with a {@code Tessera-Module} header but the core's). */
    static void refreshAll(BundleContext context, int seconds) throws InterruptedException {
        refresh(context, module -> module != null && !module.isBlank() && !module.equals("core"), "every module", seconds);
    }

    private static void refresh(BundleContext context, java.util.function.Predicate<String> module, String which, int seconds)
            throws InterruptedException {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (module.test(bundle.getHeaders("").get("Tessera-Module"))) {
                bundles.add(bundle);
            }
        }
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("the bundles of " + which + " refreshed", done.await(seconds, TimeUnit.SECONDS));
    }

    /** Per module, the other modules whose bundles are wired to packages its bundles export (the core aside). */
    static Map<String, Set<String>> importers(BundleContext context) {
        Map<String, Set<String>> importers = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            String module = bundle.getHeaders("").get("Tessera-Module");
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (module == null || module.isBlank() || module.equals("core") || wiring == null) {
                continue;
            }
            for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                String provider = wire.getProvider().getBundle().getHeaders("").get("Tessera-Module");
                if (provider != null && !provider.isBlank() && !provider.equals(module) && !provider.equals("core")) {
                    importers.computeIfAbsent(provider, key -> new TreeSet<>()).add(module);
                }
            }
        }
        return importers;
    }
}
