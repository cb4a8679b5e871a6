package org.tessera.crm.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;

class KeysetCursorTest {
    @Test
    void roundTripsPartsWithSpacesAndAccents() {
        String cursor = KeysetCursor.encode("N", "jean-francois berard", "1042");
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertEquals(List.of("N", "jean-francois berard", "1042"), KeysetCursor.decode(cursor, 3));
    }

    @Test
    void malformedCursorsAreRejectedOnTheCursorField() {
        for (String bad : new String[] {"%%%", KeysetCursor.encode("I"), KeysetCursor.encode("I", "1", "2")}) {
            ValidationException e = assertThrows(ValidationException.class, () -> KeysetCursor.decode(bad, 2));
            assertEquals("cursor", e.errors().get(0).field);
        }
        assertEquals("cursor", assertThrows(ValidationException.class, () -> KeysetCursor.idPart("x1"))
                .errors().get(0).field);
    }

    @Test
    void limitMustBeOneToTwoHundred() {
        KeysetCursor.checkLimit(1);
        KeysetCursor.checkLimit(200);
        assertEquals("limit", assertThrows(ValidationException.class, () -> KeysetCursor.checkLimit(0))
                .errors().get(0).field);
        assertThrows(ValidationException.class, () -> KeysetCursor.checkLimit(201));
    }

    @Test
    void idsAreDecimalStrings() {
        assertEquals(42L, Ids.parse("42").orElseThrow());
        assertTrue(Ids.parse("-1").isEmpty());
        assertTrue(Ids.parse("4e2").isEmpty());
        assertTrue(Ids.parse("9".repeat(19)).isEmpty());
        assertTrue(Ids.parse(null).isEmpty());
    }
}
