package org.tessera.crm.examples.dealer.impl;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.schema.SchemaReady;
import org.tessera.crm.core.kit.jpa.JpaTemplateTx;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.examples.dealer.api.VehicleService;

/** The kit's {@link Tx} over the pack's {@code tessera-dealer} unit, once its schema is migrated. */
@Component(service = Tx.class, property = Tx.UNIT_PROPERTY + "=" + DealerTx.UNIT)
public class DealerTx extends JpaTemplateTx {
    static final String UNIT = "tessera-dealer";
    static final String TARGET = "(" + Tx.UNIT_PROPERTY + "=" + UNIT + ")";

    @Activate
    public DealerTx(@Reference(name = "jpa", target = "(osgi.unit.name=" + UNIT + ")") JpaTemplate jpa,
            @Reference(name = "schema", target = "(" + SchemaReady.MODULE + "=" + VehicleService.MODULE + ")") SchemaReady schema) {
        super(jpa);
    }
}
