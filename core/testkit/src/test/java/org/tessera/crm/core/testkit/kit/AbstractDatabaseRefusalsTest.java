package org.tessera.crm.core.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * What a module's transaction helper makes of what the database refuses, on every supported
 * database: never a raw PersistenceException (a 500), always the 4xx that names the field. And
 * record scope as a condition of the query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDatabaseRefusalsTest {
    private static final String UNIT = "tessera-kit-test";
    private final AtomicLong ids = new AtomicLong(1);
    private TestDatabase database;
    private EmfTx tx;
    /** A second factory of the unit, whose transactions are never joined by {@link #tx}'s: "someone else". */
    private EmfTx other;

    protected abstract TestDatabase start() throws Exception;

    /** PostgreSQL looks for deadlocks after a second already; Derby waits 20 s unless told otherwise. */
    protected void detectDeadlocksWithinASecond(DataSource dataSource) throws Exception {
    }

    @BeforeAll
    void createSchema() throws Exception {
        database = start();
        DataSource dataSource = database.dataSource();
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE party (id BIGINT PRIMARY KEY, org_unit_id BIGINT)");
            ddl.execute("CREATE TABLE kit_item (id BIGINT PRIMARY KEY, version BIGINT NOT NULL, code VARCHAR(20) NOT NULL,"
                    + " name VARCHAR(40) NOT NULL, amount DECIMAL(7, 2), party_id BIGINT,"
                    + " CONSTRAINT uq_kit_item_code UNIQUE (code))");
            ddl.execute("CREATE TABLE kit_item_tag (item_id BIGINT NOT NULL, tag VARCHAR(10))");
            ddl.execute("INSERT INTO party (id, org_unit_id) VALUES (1, 10), (2, 20), (3, NULL)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        tx = new EmfTx(UNIT, dataSource);
        other = new EmfTx(UNIT, dataSource);
    }

    @AfterAll
    void dropSchema() throws Exception {
        if (tx != null) {
            tx.close();
            other.close();
        }
        database.close();
    }

    private KitItemEntity item(String code) {
        KitItemEntity item = new KitItemEntity();
        item.id = ids.getAndIncrement();
        item.code = code;
        item.name = "Item";
        return item;
    }

    private KitItemEntity persist(KitItemEntity item) {
        return tx.required(em -> {
            em.persist(item);
            return item;
        });
    }

    private static FieldError onlyError(ValidationException e) {
        assertEquals(1, e.errors().size(), e.errors().toString());
        return e.errors().get(0);
    }

    @Test
    void aStringLongerThanItsColumnIsA422NamingTheField() {
        FieldError error = onlyError(assertThrows(ValidationException.class, () -> persist(item("X".repeat(5000)))));
        assertEquals("code", error.field);
        assertEquals("too_long", error.code);
    }

    @Test
    void aStringLongerThanItsColumnInACollectionNamesTheElement() {
        KitItemEntity item = item("TAGGED");
        item.tags = List.of("short", "far too long a tag");
        FieldError error = onlyError(assertThrows(ValidationException.class, () -> persist(item)));
        assertEquals("tags[1]", error.field);
    }

    @Test
    void aNumberWiderThanItsColumnIsA422NamingTheField() {
        KitItemEntity item = item("WIDE");
        item.amount = new BigDecimal("123456.5");
        FieldError error = onlyError(assertThrows(ValidationException.class, () -> persist(item)));
        assertEquals("amount", error.field);
        assertEquals("out_of_range", error.code);
    }

    @Test
    void aMissingValueOfANotNullColumnIsA422NamingTheField() {
        KitItemEntity item = item("NONAME");
        item.name = null;
        FieldError error = onlyError(assertThrows(ValidationException.class, () -> persist(item)));
        assertEquals("name", error.field);
        assertEquals("required", error.code);
    }

    @Test
    void aTooLongValueOnUpdateIsA422Too() {
        KitItemEntity stored = persist(item("UPD"));
        ValidationException refused = assertThrows(ValidationException.class, () -> tx.required(em -> {
            em.find(KitItemEntity.class, stored.id).name = "N".repeat(41);
            return null;
        }));
        assertEquals("name", onlyError(refused).field);
        assertEquals("Item", tx.required(em -> em.find(KitItemEntity.class, stored.id).name), "nothing was written");
    }

    @Test
    void aDuplicateKeyIsA409NamingTheField() {
        persist(item("DUP"));
        ConflictException conflict = assertThrows(ConflictException.class, () -> persist(item("DUP")));
        assertEquals("code", conflict.field());
    }

    @Test
    void aVersionRaceFoundAtFlushIsA409OnVersion() {
        KitItemEntity stored = persist(item("RACE"));
        ConflictException conflict = assertThrows(ConflictException.class, () -> tx.required(em -> {
            KitItemEntity mine = em.find(KitItemEntity.class, stored.id);
            // someone else commits a change in between
            other.required(theirs -> {
                theirs.find(KitItemEntity.class, stored.id).name = "Theirs";
                return null;
            });
            mine.name = "Mine";
            return null;
        }));
        assertEquals("version", conflict.field());
        assertEquals("Theirs", tx.required(em -> em.find(KitItemEntity.class, stored.id).name), "their change is kept");
    }

    @Test
    void theVictimOfADeadlockIsA409AndTheOtherTransactionCommits() throws Exception {
        long first = persist(item("LOCK-A")).id;
        long second = persist(item("LOCK-B")).id;
        detectDeadlocksWithinASecond(database.dataSource());
        // each transaction holds one row and then wants the other's: the database must give one up
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Object> mine = threads.submit(() -> renameBoth(tx, first, second, "Mine", bothHoldOneRow));
            Future<Object> theirs = threads.submit(() -> renameBoth(other, second, first, "Theirs", bothHoldOneRow));
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Object> outcome : List.of(mine, theirs)) {
                try {
                    outcome.get(60, TimeUnit.SECONDS);
                    outcomes.add(null);
                } catch (ExecutionException refused) {
                    outcomes.add(refused.getCause());
                }
            }
            List<Throwable> refusals = outcomes.stream().filter(Objects::nonNull).toList();
            assertEquals(1, refusals.size(), "exactly one transaction is the victim: " + outcomes);
            ConflictException conflict = assertInstanceOf(ConflictException.class, refusals.get(0));
            assertTrue(conflict.getMessage().contains("send the request again"), conflict.getMessage());
            String winner = outcomes.get(0) == null ? "Mine" : "Theirs";
            // read past the entity cache: the updates were native
            assertEquals(List.of(winner, winner), tx.required(em -> em.createNativeQuery(
                    "SELECT name FROM kit_item WHERE id IN (?, ?)").setParameter(1, first).setParameter(2, second).getResultList()),
                    "the victim kept nothing, the other kept all");
        } finally {
            threads.shutdownNow();
        }
    }

    private static Object renameBoth(EmfTx through, long firstId, long secondId, String name, CyclicBarrier midway) {
        return through.required(em -> {
            em.createNativeQuery("UPDATE kit_item SET name = ?, version = version + 1 WHERE id = ?")
                    .setParameter(1, name).setParameter(2, firstId).executeUpdate();
            try {
                midway.await(30, TimeUnit.SECONDS);
            } catch (Exception notBoth) {
                throw new IllegalStateException(notBoth);
            }
            return em.createNativeQuery("UPDATE kit_item SET name = ?, version = version + 1 WHERE id = ?")
                    .setParameter(1, name).setParameter(2, secondId).executeUpdate();
        });
    }

    @Test
    void scopeIsAConditionOfTheQuery() {
        for (long party : new long[] {1, 2, 3}) {
            KitItemEntity item = item("SCOPE-" + party);
            item.partyId = party;
            persist(item);
        }
        KitItemEntity orphan = item("SCOPE-NONE");
        persist(orphan);

        assertEquals(List.of("SCOPE-1"), scopedCodes(ScopeFilter.of(perimeter(Optional.of(Set.of("10"))))));
        assertEquals(List.of("SCOPE-1", "SCOPE-2"), scopedCodes(ScopeFilter.of(perimeter(Optional.of(Set.of("10", "20", "x"))))));
        assertEquals(List.of(), scopedCodes(ScopeFilter.of(perimeter(Optional.of(Set.of())))));
        assertEquals(List.of("SCOPE-1", "SCOPE-2", "SCOPE-3", "SCOPE-NONE"), scopedCodes(ScopeFilter.of(perimeter(Optional.empty()))));
    }

    private List<String> scopedCodes(ScopeFilter scope) {
        return tx.required(em -> JpqlQuery.of("SELECT i.code FROM KitItemEntity i")
                .where("i.code LIKE :prefix", "prefix", "SCOPE-%")
                .where(scope.condition("i.partyId"))
                .create(em, "i.code", String.class).getResultList());
    }

    private static RecordScope perimeter(Optional<Set<String>> units) {
        return new RecordScope() {
            @Override
            public Optional<Set<String>> visibleOrgUnitIds() {
                return units;
            }

            @Override
            public boolean canAccessOrgUnit(String orgUnitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean canAccessParty(String partyId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> defaultOrgUnitId() {
                return Optional.empty();
            }
        };
    }
}
