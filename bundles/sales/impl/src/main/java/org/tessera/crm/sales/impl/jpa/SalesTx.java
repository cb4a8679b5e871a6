package org.tessera.crm.sales.impl.jpa;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.schema.SchemaReady;
import org.tessera.crm.core.kit.jpa.JpaTemplateTx;
import org.tessera.crm.core.kit.jpa.Tx;

/** The kit's {@link Tx} over the {@code tessera-sales} unit, once the sales schema is migrated. */
@Component(service = Tx.class, property = Tx.UNIT_PROPERTY + "=" + SalesTx.UNIT)
public class SalesTx extends JpaTemplateTx {
    public static final String UNIT = "tessera-sales";
    /** The reference target of the sales services. */
    public static final String TARGET = "(" + Tx.UNIT_PROPERTY + "=" + UNIT + ")";

    @Activate
    public SalesTx(@Reference(name = "jpaTemplate", target = "(osgi.unit.name=" + UNIT + ")") JpaTemplate jpa,
            @Reference(name = "salesSchema", target = "(" + SchemaReady.MODULE + "=sales)") SchemaReady schema) {
        super(jpa);
    }
}
