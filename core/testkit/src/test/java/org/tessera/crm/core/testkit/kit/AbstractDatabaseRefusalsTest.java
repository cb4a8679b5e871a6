package org.tessera.crm.core.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
