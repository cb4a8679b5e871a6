package org.tessera.crm.core.impl.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * The only way the core's services reach the database: run work in a transaction (joining the
 * caller's if one is active). Hides Aries' JpaTemplate so that services run outside OSGi in tests.
 */
public interface Tx {
    <R> R required(Function<EntityManager, R> work);
}
