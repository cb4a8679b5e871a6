package org.tessera.crm.itests;

import java.util.Map;
import java.util.stream.Collectors;

/** How a suite knows the modules are there: the probe paths of {@link HotSwapIT}, one per module. */
final class ModuleProbes {
    /** The modules the distribution boots with: every swapped one but the dealer pack, which HotSwapIT installs itself. */
    static final Map<String, String> INSTALLED = HotSwapIT.PROBES.entrySet().stream()
            .filter(probe -> !probe.getKey().equals("dealer"))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private ModuleProbes() {
    }

    /** Until every installed module's probe is served by its resource (see {@link Waits#awaitServed}). */
    static void awaitInstalledServed(Api api, int seconds) {
        Waits.awaitServed(api, seconds, INSTALLED.values().toArray(String[]::new));
    }
}
