package org.tessera.crm.core.impl.jpa;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.schema.SchemaReady;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The core's {@link Tx}: the module kit's transaction helper over the {@code tessera-core} unit.
 * It requires the core's {@link SchemaReady}, so every service using it waits for the migrations.
 */
@Component(service = Tx.class, property = Tx.UNIT_PROPERTY + "=" + CoreTx.UNIT)
public class CoreTx extends org.tessera.crm.core.kit.jpa.JpaTemplateTx {
    public static final String UNIT = "tessera-core";
    /** The reference target of the core's services. */
    public static final String TARGET = "(" + Tx.UNIT_PROPERTY + "=" + UNIT + ")";

    @Activate
    public CoreTx(@Reference(name = "jpaTemplate", target = "(osgi.unit.name=" + UNIT + ")") JpaTemplate jpa,
            @Reference(name = "coreSchema", target = SchemaReady.CORE_TARGET) SchemaReady schema) {
        super(jpa);
    }
}
