package org.tessera.crm.itests;

import java.util.HashMap;
import java.util.Map;

/** One path per module that its own application serves: how a suite knows the module is there. */
final class ModuleProbes {
    /** The modules the distribution boots with. */
    static final Map<String, String> INSTALLED = Map.of(
            "sales", "/v1/sales/pipeline",
            "insurance", "/v1/insurance/policies?limit=1",
            "service", "/v1/service/statuses",
            "banking", "/v1/banking/offer-rules",
            "forecasting", "/v1/forecasting/periods",
            "marketing", "/v1/marketing/campaigns");

    private ModuleProbes() {
    }

    /** The installed modules and the dealer example pack, which a suite installs itself. */
    static Map<String, String> withDealer() {
        Map<String, String> probes = new HashMap<>(INSTALLED);
        probes.put("dealer", "/v1/dealer/vehicles?ownerPartyId=");
        return Map.copyOf(probes);
    }

    /** Until every installed module's probe is served by its resource (see {@link Waits#awaitServed}). */
    static void awaitInstalledServed(Api api, int seconds) {
        Waits.awaitServed(api, seconds, INSTALLED.values().toArray(String[]::new));
    }
}
