package org.tessera.crm.core.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PersonalTableTest {

    @Test
    void namesMustBePlainIdentifiersSinceTheyAreWrittenIntoSql() {
        assertThrows(IllegalArgumentException.class, () -> PersonalTable.of("LEAD", "sales_lead; DROP TABLE party", "party_id = ?"));
        assertThrows(IllegalArgumentException.class, () -> PersonalTable.of("LEAD", "sales_lead", "party_id = ?").blanks("email OR 1=1"));
        assertThrows(IllegalArgumentException.class, () -> PersonalTable.of("LEAD", "sales_lead", "party_id = ?").id(null));
    }

    @Test
    void everyPlaceholderOfTheConditionIsThePartyAndTheErasedFieldsAreNamedAsInTheApi() {
        PersonalTable table = PersonalTable.of("LEAD", "sales_lead", "party_id = ? OR converted_contact_id = ?")
                .blanks("first_name", "email").replaces("last_name", "erased").customValues("sales_lead_custom_value", "lead_id", "value_json");
        assertEquals(2, table.placeholders());
        assertTrue(table.erases());
        assertEquals(List.of("firstName", "email", "lastName", "customFields (sensitive)"), table.erasedFields());
    }

    @Test
    void aTableOnlyExportedErasesNothing() {
        assertFalse(PersonalTable.of("ROLE", "sales_opportunity_contact", "party_id = ?").exports("contact_role").erases());
        assertTrue(PersonalTable.of("QUOTE", "sales_quote", "account_id = ?").keeps("accounting").erases(), "a kept table is reported");
    }

    @Test
    void jdbcValuesBecomeJsonFriendly() throws Exception {
        Instant at = Instant.parse("2026-12-03T10:15:30Z");
        assertEquals("2026-12-03T10:15:30Z", Columns.value(Timestamp.from(at)));
        assertEquals("2026-12-03", Columns.value(java.sql.Date.valueOf(LocalDate.of(2026, 12, 3))));
        assertEquals(42L, Columns.value(42L));
        assertEquals("modelYear", Columns.field("MODEL_YEAR"));
    }
}
