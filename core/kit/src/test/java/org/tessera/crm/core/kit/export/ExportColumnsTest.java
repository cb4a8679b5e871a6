package org.tessera.crm.core.kit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.rest.ObjectMappers;

class ExportColumnsTest {

    /** A DTO shaped like the API's: public fields, a custom fields map, a list and a nested object. */
    public static class Sample {
        public String id;
        public String name;
        public BigDecimal amount;
        public Instant createdAt;
        public List<String> tags = new ArrayList<>();
        public Map<String, Object> customFields = new LinkedHashMap<>();
        public long version;
    }

    private static Sample sample() {
        Sample s = new Sample();
        s.id = "7";
        s.name = "Ünïcödé, \"quoted\"";
        s.amount = new BigDecimal("1E+3");
        s.createdAt = Instant.parse("2026-12-03T10:00:00Z");
        s.tags.addAll(List.of("a", "b"));
        s.customFields.put("segment", "GOLD");
        s.customFields.put("score", 12);
        s.customFields.put("hidden", "not a column");
        s.version = 2;
        return s;
    }

    private static ExportColumns<Sample> columns() {
        return ExportColumns.of(ObjectMappers.create(), Sample.class, List.of("score", "segment", "unset"))
                .with("tagCount", s -> String.valueOf(s.tags.size()));
    }

    @Test
    void headerIsTheJsonPropertiesWithCustomFieldsExpandedThenDerivedColumns() {
        assertEquals(Arrays.asList("id", "name", "amount", "createdAt", "tags", "custom.score", "custom.segment", "custom.unset",
                "version", "tagCount"), columns().header());
    }

    @Test
    void cellsAreTextScalarsJsonContainersAndNothingForNull() {
        List<String> cells = columns().cells(sample());
        assertEquals("7", cells.get(0));
        assertEquals("Ünïcödé, \"quoted\"", cells.get(1));
        assertEquals("1000", cells.get(2), "a decimal in plain notation");
        assertEquals("2026-12-03T10:00:00Z", cells.get(3));
        assertEquals("[\"a\",\"b\"]", cells.get(4));
        assertEquals("12", cells.get(5));
        assertEquals("GOLD", cells.get(6));
        assertNull(cells.get(7), "a custom field without a value is an empty cell");
        assertEquals("2", cells.get(8));
        assertEquals("2", cells.get(9));
        assertEquals(columns().header().size(), cells.size());
    }

    @Test
    void aNullScalarIsAnEmptyCellAndCustomFieldsNotListedAreLeftOut() {
        Sample s = sample();
        s.name = null;
        List<String> cells = columns().cells(s);
        assertNull(cells.get(1));
        assertEquals(false, String.join("|", cells.stream().map(String::valueOf).toList()).contains("not a column"));
    }

    /** A list or map cell is the JSON text of the value, as the API writes it. */
    public static class Nested {
        public List<Map<String, Object>> items = new ArrayList<>();
    }

    @Test
    void aContainerCellIsTheJsonTextOfItsValue() throws Exception {
        Nested n = new Nested();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("at", Instant.parse("2026-12-03T10:00:00Z"));
        item.put("amount", new BigDecimal("12.50"));
        item.put("none", null);
        n.items.add(item);
        ObjectMapper mapper = ObjectMappers.create();
        List<String> cells = ExportColumns.of(mapper, Nested.class, List.of()).cells(n);
        assertEquals("[{\"at\":\"2026-12-03T10:00:00Z\",\"amount\":12.50}]", cells.get(0),
                "a null member left out and the decimal's scale kept, as in the API's JSON");
        assertEquals(mapper.writeValueAsString(n.items), cells.get(0));
    }
}
