package org.tessera.crm.forecasting.impl.service;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.forecasting.api.ModuleUnavailableException;

/**
 * The sales module as forecasting sees it: present while the {@link OpportunitySource} over sales'
 * reader is. Optional and dynamic, so that forecasting stays active (and its data untouched) while
 * sales is uninstalled, answering 503 until sales comes back.
 */
@Component(service = SalesGate.class)
public class SalesGate {
    static final String MODULE = "sales";

    private volatile OpportunitySource source;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void bindSource(OpportunitySource arrived) {
        source = arrived;
    }

    public void unbindSource(OpportunitySource leaving) {
        if (source == leaving) {
            source = null;
        }
    }

    public boolean present() {
        return source != null;
    }

    /** @throws ModuleUnavailableException when sales is not installed */
    public OpportunitySource source() {
        OpportunitySource current = source;
        if (current == null) {
            throw absent();
        }
        return current;
    }

    public static ModuleUnavailableException absent() {
        return new ModuleUnavailableException(MODULE, "forecasting needs the sales module, which is not installed; install it "
                + "(feature tessera-sales), then refresh forecasting's bundles: every forecasting record is kept");
    }
}
