package org.tessera.crm.sales.impl.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.TesseraException;
import org.tessera.crm.core.api.schema.SchemaReady;

/** {@link SalesTx} over the {@code tessera-sales} JpaTemplate; waits for the sales schema (migrated by the core from this bundle's {@code Tessera-Changelog}). */
@Component(service = SalesTx.class)
public class JpaTemplateSalesTx implements SalesTx {
    private final JpaTemplate jpa;

    @Activate
    public JpaTemplateSalesTx(@Reference(name = "jpaTemplate", target = "(osgi.unit.name=tessera-sales)") JpaTemplate jpa,
            @Reference(name = "salesSchema", target = "(" + SchemaReady.MODULE + "=sales)") SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public <R> R required(Function<EntityManager, R> work) {
        try {
            // RESOURCE_LOCAL units accept only Required.
            return jpa.txExpr(TransactionType.Required, work::apply);
        } catch (RuntimeException e) {
            // Aries may wrap what the work threw; callers expect our own exceptions unwrapped.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TesseraException domain) {
                    throw domain;
                }
            }
            throw e;
        }
    }
}
