package org.tessera.crm.forecasting.impl.service;

import org.tessera.crm.core.kit.jpa.Tx;

/** The forecasting module's persistence unit and the target of its {@link Tx}, registered by the core once the schema is migrated. */
public final class ForecastingUnit {
    public static final String NAME = "tessera-forecasting";
    public static final String TX = "(" + Tx.UNIT_PROPERTY + "=" + NAME + ")";

    private ForecastingUnit() {
    }
}
