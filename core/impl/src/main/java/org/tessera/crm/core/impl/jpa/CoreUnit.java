package org.tessera.crm.core.impl.jpa;

import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The core's persistence unit. Once the core schema is migrated the core registers the kit's
 * {@link Tx} for it, as for every module's unit; the core services reference it with {@link #TX}.
 */
public final class CoreUnit {
    public static final String NAME = "tessera-core";
    /** The reference target of the unit's {@link Tx}. */
    public static final String TX = "(" + Tx.UNIT_PROPERTY + "=" + NAME + ")";

    private CoreUnit() {
    }
}
