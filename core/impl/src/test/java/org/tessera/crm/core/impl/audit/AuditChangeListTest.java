package org.tessera.crm.core.impl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.audit.FieldChangeDTO;

class AuditChangeListTest {
    @Test
    void changesComeBackAsWrittenNullsQuotesAndAllInTheirOrder() {
        List<FieldChangeDTO> changes = List.of(new FieldChangeDTO("name", null, "O'Brien \"Jr\" \\ \n ü 😀"),
                new FieldChangeDTO("customFields.note", "old", null), new FieldChangeDTO("pin", null, null));
        String column = AuditChangeList.encode(changes);
        assertEquals(List.of("name|null|O'Brien \"Jr\" \\ \n ü 😀", "customFields.note|old|null", "pin|null|null"),
                text(AuditChangeList.decode(column)));
    }

    @Test
    void noChangeIsNoColumnValue() {
        assertNull(AuditChangeList.encode(List.of()));
        assertEquals(List.of(), AuditChangeList.decode(null));
    }

    @Test
    void maskingKeepsTheFieldsAndWhetherAValueWasThere() {
        List<FieldChangeDTO> masked = AuditChangeList.masked(List.of(new FieldChangeDTO("email", null, "a@example.org"),
                new FieldChangeDTO("phone", "+41 1", "+41 2")));
        assertEquals(List.of("email|null|***", "phone|***|***"), text(masked));
    }

    @Test
    void aDamagedColumnIsRefusedNotMisread() {
        assertThrows(IllegalStateException.class, () -> AuditChangeList.decode("[[\"name\",null]"));
        assertThrows(IllegalStateException.class, () -> AuditChangeList.decode("{\"name\":1}"));
    }

    private static List<String> text(List<FieldChangeDTO> changes) {
        return changes.stream().map(c -> c.field + "|" + c.oldValue + "|" + c.newValue).toList();
    }
}
