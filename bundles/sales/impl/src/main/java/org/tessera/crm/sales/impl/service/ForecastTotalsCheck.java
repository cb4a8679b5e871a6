package org.tessera.crm.sales.impl.service;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/**
 * When the sales bundle starts, makes sure the forecast summary counts the deals there are: it is
 * empty after the migration that adds it, and behind after deals were written with SQL while the
 * server was down. Then it is summed again from the deals ({@link ForecastTotals#rebuild}).
 */
@Component(immediate = true)
public class ForecastTotalsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastTotalsCheck.class);

    @Activate
    public ForecastTotalsCheck(@Reference(target = SalesUnit.TX) Tx tx) {
        tx.required(ForecastTotalsCheck::rebuildIfBehind);
    }

    /** @return whether it rebuilt the summary */
    public static boolean rebuildIfBehind(EntityManager em) {
        long counted = ForecastTotals.counted(em);
        long deals = ForecastTotals.forecastDeals(em);
        if (counted == deals) {
            return false;
        }
        long started = System.nanoTime();
        int rows = ForecastTotals.rebuild(em);
        LOG.info("Forecast totals counted {} deals of {}: summed again from the deals into {} rows in {} ms", counted, deals, rows,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
