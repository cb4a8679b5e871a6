package org.tessera.crm.insurance.impl.service;

import org.tessera.crm.core.kit.jpa.Tx;

/** The pack's persistence unit; the core registers the kit's {@link Tx} for it once the schema is migrated. */
public final class InsuranceUnit {
    public static final String NAME = "tessera-insurance";
    public static final String TX = "(" + Tx.UNIT_PROPERTY + "=" + NAME + ")";

    private InsuranceUnit() {
    }
}
