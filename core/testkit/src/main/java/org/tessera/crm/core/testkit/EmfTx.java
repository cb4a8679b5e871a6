package org.tessera.crm.core.testkit;

import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.tessera.crm.core.kit.jpa.DatabaseRefusals;
import org.tessera.crm.core.kit.jpa.JpaTemplateTx;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The kit's {@link Tx} outside OSGi: the same {@link JpaTemplateTx} a module registers in the
 * server (flush before commit, column limits, database refusals as 4xx exceptions), over a plain
 * EntityManagerFactory of the real unit in the module's {@code META-INF/persistence.xml}, with the
 * DataSource object in place of the unit's {@code osgi:service} name. A nested call joins the
 * outer transaction, as Aries' JpaTemplate does.
 */
public final class EmfTx implements Tx, AutoCloseable {
    private final EntityManagerFactory emf;
    private final Tx tx;

    /** @param unit the persistence unit's name, for example {@code tessera-sales} */
    public EmfTx(String unit, DataSource dataSource) {
        this(unit, dataSource, DatabaseRefusals.DEFAULT);
    }

    /** With the {@code refusals} the module's own {@code JpaTemplateTx} is given (its unique fields). */
    public EmfTx(String unit, DataSource dataSource, DatabaseRefusals refusals) {
        emf = Persistence.createEntityManagerFactory(unit, Map.of(
                "javax.persistence.nonJtaDataSource", dataSource,
                "eclipselink.logging.level", "WARNING"));
        tx = new JpaTemplateTx(new EmfJpaTemplate(emf), refusals);
    }

    @Override
    public <R> R required(Function<EntityManager, R> work) {
        return tx.required(work);
    }

    @Override
    public void close() {
        emf.close();
    }
}
