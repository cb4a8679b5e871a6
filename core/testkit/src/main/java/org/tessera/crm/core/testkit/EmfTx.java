package org.tessera.crm.core.testkit;

import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;

/**
 * Transactions of a real persistence unit outside OSGi: a plain EntityManagerFactory of the unit
 * named in the module's {@code META-INF/persistence.xml}, with the DataSource object in place of
 * the unit's {@code osgi:service} name. A nested call joins the outer transaction, as Aries'
 * JpaTemplate does with {@code Required}.
 */
public final class EmfTx implements AutoCloseable {
    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    /** @param unit the persistence unit's name, for example {@code tessera-sales} */
    public EmfTx(String unit, DataSource dataSource) {
        emf = Persistence.createEntityManagerFactory(unit, Map.of(
                "javax.persistence.nonJtaDataSource", dataSource,
                "eclipselink.logging.level", "WARNING"));
    }

    /** Runs {@code work} in a transaction, committed when it returns, rolled back when it throws. */
    public <R> R required(Function<EntityManager, R> work) {
        EntityManager joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            R result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            current.remove();
            em.close();
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}
