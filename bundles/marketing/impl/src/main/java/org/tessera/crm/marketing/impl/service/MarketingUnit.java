package org.tessera.crm.marketing.impl.service;

import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The module's persistence unit (META-INF/persistence.xml). Once the core has run the module's
 * changelog (the bundle's Tessera-Changelog header) it registers the kit's {@link Tx} for the unit;
 * the module's components reference it with {@link #TX} and so never touch a table before it exists.
 */
public final class MarketingUnit {
    public static final String NAME = "tessera-marketing";
    /** The reference target of the unit's {@link Tx}. */
    public static final String TX = "(" + Tx.UNIT_PROPERTY + "=" + NAME + ")";

    private MarketingUnit() {
    }
}
