package org.tessera.crm.core.kit.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The only way a module's services reach its database: run work in a transaction of the module's
 * persistence unit, joining the caller's transaction when one is active. In OSGi it is a
 * {@link JpaTemplateTx} registered by the module with {@link #UNIT_PROPERTY}; in tests, the test
 * kit's EntityManager-backed one. Either way a database refusal leaves as a 4xx exception, never
 * a raw {@code PersistenceException}: see {@link DatabaseRefusals}.
 */
@ConsumerType
public interface Tx {
    /** Service property naming the persistence unit of a registered {@code Tx}, as Aries JPA names it. */
    String UNIT_PROPERTY = "osgi.unit.name";

    <R> R required(Function<EntityManager, R> work);

    /** The reference target that selects the {@code Tx} of {@code unit}, e.g. {@code (osgi.unit.name=tessera-sales)}. */
    static String target(String unit) {
        return "(" + UNIT_PROPERTY + "=" + unit + ")";
    }
}
