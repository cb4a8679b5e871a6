package org.tessera.crm.core.kit.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * {@link Tx} over a persistence unit's Aries {@link JpaTemplate}. A module does not create one: once
 * the module's schema is migrated, the core registers one for each of the module's units, with the
 * unit's name as {@value Tx#UNIT_PROPERTY}, and the module's services reference it:
 *
 * <pre>
 * &#64;Reference(target = "(osgi.unit.name=tessera-sales)") Tx tx
 * </pre>
 *
 * <p>The work is flushed before the transaction commits, so that what the database refuses
 * (a duplicate key, a value too long, a version race) is translated by {@link DatabaseRefusals}
 * into the 4xx exception that names the field, while the work's entities are still at hand; the
 * first transaction also installs the unit's {@link ColumnLimits}, which name an oversized or
 * missing value before the database sees it.
 */
public class JpaTemplateTx implements Tx {
    private final JpaTemplate jpa;
    private final DatabaseRefusals refusals;
    private volatile ColumnLimits limits;

    public JpaTemplateTx(JpaTemplate jpa) {
        this(jpa, DatabaseRefusals.DEFAULT);
    }

    /** With {@code refusals} that name the fields of the unit's unique constraints. */
    public JpaTemplateTx(JpaTemplate jpa, DatabaseRefusals refusals) {
        this.jpa = jpa;
        this.refusals = refusals;
    }

    @Override
    public <R> R required(Function<EntityManager, R> work) {
        try {
            // RESOURCE_LOCAL units accept only Required.
            return jpa.txExpr(TransactionType.Required, em -> {
                installLimits(em);
                R result = work.apply(em);
                em.flush();
                return result;
            });
        } catch (RuntimeException e) {
            throw refusals.translate(e);
        }
    }

    private void installLimits(EntityManager em) {
        if (limits == null) {
            synchronized (this) {
                if (limits == null) {
                    limits = ColumnLimits.install(em);
                }
            }
        }
    }
}
