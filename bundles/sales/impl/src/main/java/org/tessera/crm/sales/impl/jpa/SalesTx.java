package org.tessera.crm.sales.impl.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * The only way the sales services reach the database: run work in a transaction of the
 * {@code tessera-sales} unit. Hides Aries' JpaTemplate so that services run outside OSGi in tests.
 */
public interface SalesTx {
    <R> R required(Function<EntityManager, R> work);
}
