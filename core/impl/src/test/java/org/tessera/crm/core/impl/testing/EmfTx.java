package org.tessera.crm.core.impl.testing;

import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.tessera.crm.core.kit.jpa.Tx;

/**
 * {@link Tx} over a plain EntityManagerFactory of the real {@code tessera-core} unit, with the
 * DataSource object replacing the unit's osgi:service name. A nested call joins the outer
 * transaction, as Aries' JpaTemplate does.
 */
public final class EmfTx implements Tx, AutoCloseable {
    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public EmfTx(DataSource dataSource) {
        emf = Persistence.createEntityManagerFactory("tessera-core", Map.of(
                "javax.persistence.nonJtaDataSource", dataSource,
                "eclipselink.logging.level", "WARNING"));
    }

    @Override
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
