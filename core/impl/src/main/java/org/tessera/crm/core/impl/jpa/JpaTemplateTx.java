package org.tessera.crm.core.impl.jpa;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.TesseraException;
import org.tessera.crm.core.api.schema.SchemaReady;

import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * {@link Tx} over the {@code tessera-core} unit's JpaTemplate. It requires the core's
 * {@link SchemaReady}, so every service using it waits for the migrations.
 */
@Component(service = Tx.class)
public class JpaTemplateTx implements Tx {
    private final JpaTemplate jpa;

    @Activate
    public JpaTemplateTx(@Reference(name = "jpaTemplate", target = "(osgi.unit.name=tessera-core)") JpaTemplate jpa,
            @Reference(name = "coreSchema", target = SchemaReady.CORE_TARGET) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public <R> R required(Function<EntityManager, R> work) {
        try {
            // RESOURCE_LOCAL units accept only Required.
            return jpa.txExpr(TransactionType.Required, work::apply);
        } catch (RuntimeException e) {
            throw unwrapDomainException(e);
        }
    }

    /** Aries may wrap what the work threw; callers expect our own exceptions unwrapped. */
    static RuntimeException unwrapDomainException(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TesseraException domain) {
                return domain;
            }
        }
        return e;
    }
}
