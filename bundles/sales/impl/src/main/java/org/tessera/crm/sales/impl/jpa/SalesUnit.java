package org.tessera.crm.sales.impl.jpa;

import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The sales module's persistence unit. Once the sales schema is migrated the core registers the
 * kit's {@link Tx} for it; the sales services reference it with {@link #TX}.
 */
public final class SalesUnit {
    public static final String NAME = "tessera-sales";
    /** The reference target of the unit's {@link Tx}. */
    public static final String TX = "(" + Tx.UNIT_PROPERTY + "=" + NAME + ")";

    private SalesUnit() {
    }
}
