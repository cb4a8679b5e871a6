package org.tessera.crm.marketing.impl.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.spi.SqlCondition;

/** Criteria → one SQL condition with bound values; each fault named by its path. */
class CriteriaCompilerTest {
    private final CriteriaCompiler compiler = new CriteriaCompiler(
            key -> Optional.ofNullable(Map.of("tier", CustomFieldType.PICKLIST, "score", CustomFieldType.DECIMAL,
                    "vip", CustomFieldType.BOOLEAN, "since", CustomFieldType.DATE).get(key)),
            new PartyFacts(List.of()));

    @Test
    void nestedCriteriaBecomeOneConditionWithBoundValues() {
        SqlCondition c = compiler.compile(Map.of("and", List.of(
                Map.of("field", "type", "op", "eq", "value", "person"),
                Map.of("or", List.of(Map.of("field", "customFields.score", "op", "between", "value", List.of(1, "2.5")),
                        Map.of("field", "customFields.vip", "op", "eq", "value", true))),
                Map.of("not", Map.of("field", "contact.EMAIL", "op", "optedOut")))));
        assertTrue(c.sql().startsWith("((p.party_type = ?) AND ((EXISTS"), c.sql());
        assertTrue(c.sql().contains(" OR "), c.sql());
        assertTrue(c.sql().contains("NOT ((EXISTS (SELECT 1 FROM contact_mechanism"), c.sql());
        assertEquals(List.of("PERSON", "score", new BigDecimal("1"), new BigDecimal("2.5"), "vip", "true", "EMAIL", Boolean.TRUE), c.parameters());
        assertTrue(!c.sql().contains("2.5") && !c.sql().contains("PERSON"), "values are bound, never in the text");
    }

    @Test
    void aDayOfATimestampCoversTheWholeDay() {
        SqlCondition c = compiler.compile(Map.of("field", "createdAt", "op", "lte", "value", "2027-01-31"));
        assertEquals("(p.created_at < ?)", c.sql());
        assertEquals(List.of(Timestamp.valueOf("2027-02-01 00:00:00")), c.parameters());
        assertEquals("(1 = 1)".replace("(", "").replace(")", ""), compiler.compile(Map.of()).sql());
    }

    @Test
    void everyFaultIsNamedByItsPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> compiler.compile(Map.of("and", List.of(
                Map.of("field", "shoeSize", "op", "eq", "value", 42),
                Map.of("field", "customFields.tier", "op", "gt", "value", "GOLD"),
                Map.of("field", "classification", "op", "in", "value", List.of("CUSTOMER", 7)),
                Map.of("fact", "sales.openOpportunity"),
                Map.of("or", List.of()),
                Map.of("field", "type", "op", "eq", "value", "PERSON", "extra", 1),
                "nonsense"))));
        assertEquals(List.of("criteria.and[0].field", "criteria.and[1].op", "criteria.and[2].value[1]", "criteria.and[3].fact",
                "criteria.and[4].or", "criteria.and[5].extra", "criteria.and[6]"), e.errors().stream().map(f -> f.field).toList());
    }

    @Test
    void deepOrHugeCriteriaAreRefused() {
        Map<String, Object> deep = Map.of("field", "type", "op", "eq", "value", "PERSON");
        for (int i = 0; i < 20; i++) {
            deep = Map.of("not", deep);
        }
        Map<String, Object> tooDeep = deep;
        assertThrows(ValidationException.class, () -> compiler.compile(tooDeep));
    }
}
