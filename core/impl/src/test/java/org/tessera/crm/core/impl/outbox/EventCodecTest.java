package org.tessera.crm.core.impl.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void propertiesComeBackWithTheTypesSubscribersRead() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", "42");
        properties.put("version", 3L);
        properties.put("revision", 2);
        properties.put("won", Boolean.TRUE);
        properties.put("amount", new BigDecimal("1234.50"));
        properties.put("ratio", 0.25);
        properties.put("changedFields", new String[] {"name", "with \"quotes\", commas\nand \\"});
        properties.put("terms", List.of("a", "b"));
        properties.put("closeDate", LocalDate.of(2026, 12, 3));

        Map<String, Object> decoded = EventCodec.decode(EventCodec.encode(properties));

        assertEquals("42", decoded.get("id"));
        assertEquals(3L, decoded.get("version"));
        assertEquals(2, decoded.get("revision"));
        assertEquals(Boolean.TRUE, decoded.get("won"));
        assertEquals(new BigDecimal("1234.50"), decoded.get("amount"));
        assertEquals(0.25, decoded.get("ratio"));
        assertArrayEquals(new String[] {"name", "with \"quotes\", commas\nand \\"}, (String[]) decoded.get("changedFields"));
        assertArrayEquals(new String[] {"a", "b"}, (String[]) decoded.get("terms"));
        assertEquals("2026-12-03", decoded.get("closeDate"), "another type arrives as its string form");
    }

    @Test
    void nullValuesAndEmptyArraysAreHandled() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gone", null);
        properties.put("none", new String[0]);
        Map<String, Object> decoded = EventCodec.decode(EventCodec.encode(properties));
        assertFalse(decoded.containsKey("gone"));
        assertArrayEquals(new String[0], (String[]) decoded.get("none"));
        assertEquals(Map.of(), EventCodec.decode(EventCodec.encode(Map.of())));
    }
}
