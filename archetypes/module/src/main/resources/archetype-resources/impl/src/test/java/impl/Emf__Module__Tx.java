package ${package}.impl;

import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.tessera.crm.core.kit.jpa.ColumnLimits;
import org.tessera.crm.core.kit.jpa.DatabaseRefusals;
import org.tessera.crm.core.kit.jpa.Tx;

/** The kit's {@link Tx} over a plain EntityManagerFactory of the real tessera-${module} unit; nested calls join. */
final class Emf${Module}Tx implements Tx, AutoCloseable {
    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private ColumnLimits limits;

    Emf${Module}Tx(DataSource dataSource) {
        emf = Persistence.createEntityManagerFactory(${Module}Tx.UNIT, Map.of(
                "javax.persistence.nonJtaDataSource", dataSource, "eclipselink.logging.level", "WARNING"));
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
            if (limits == null) {
                limits = ColumnLimits.install(em);
            }
            R result = work.apply(em);
            em.flush();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            // as JpaTemplateTx does in OSGi: a database refusal leaves as a 4xx exception
            throw DatabaseRefusals.DEFAULT.translate(e);
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
