package org.tessera.crm.core.kit.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class SnapshotReadTest {
    private final List<String> executed = new ArrayList<>();

    @Test
    void postgresqlReadsInOneReadOnlySnapshotStartedBeforeTheWork() throws IOException {
        Connection connection = connection("PostgreSQL");
        long rows = SnapshotRead.run(tx(connection), (em, given) -> {
            assertSame(connection, given);
            assertEquals(List.of("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"), executed);
            return 7;
        });
        assertEquals(7, rows);
    }

    @Test
    void derbyKeepsItsLevel() throws IOException {
        SnapshotRead.run(tx(connection("Apache Derby")), (em, given) -> 0);
        assertEquals(List.of(), executed, "REPEATABLE READ on Derby would lock every row read until the end");
    }

    @Test
    void theWorksFailuresLeaveAsTheyShould() {
        Tx tx = tx(connection("Apache Derby"));
        IOException cut = new IOException("client gone");
        assertSame(cut, assertThrows(IOException.class, () -> SnapshotRead.run(tx, (em, given) -> {
            throw cut;
        })), "what the sink threw, unwrapped");
        SQLException refused = new SQLException("refused");
        assertSame(refused, assertThrows(PersistenceException.class, () -> SnapshotRead.run(tx, (em, given) -> {
            throw refused;
        })).getCause());
        assertThrows(PersistenceException.class, () -> SnapshotRead.run(tx(null), (em, given) -> 0),
                "no connection: refused before the work");
    }

    private static Tx tx(Connection connection) {
        EntityManager em = proxy(EntityManager.class, (name, args) -> name.equals("unwrap") ? connection : null);
        return new Tx() {
            @Override
            public <R> R required(java.util.function.Function<EntityManager, R> work) {
                return work.apply(em);
            }
        };
    }

    private Connection connection(String product) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class,
                (name, args) -> name.equals("getDatabaseProductName") ? product : null);
        Statement statement = proxy(Statement.class, (name, args) -> {
            if (name.equals("execute")) {
                executed.add((String) args[0]);
                return true;
            }
            return null;
        });
        return proxy(Connection.class, (name, args) -> switch (name) {
            case "getMetaData" -> metaData;
            case "createStatement" -> statement;
            default -> null;
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(SnapshotReadTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args));
    }
}
