package org.tessera.crm.core.impl.customfield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.impl.testing.FakeLookups;
import org.tessera.crm.core.kit.FieldErrors;

class CustomValueNormalizerTest {
    private final Map<String, CustomFieldDefinitionDTO> definitions = new LinkedHashMap<>();
    private final CustomValueNormalizer normalizer = new CustomValueNormalizer(definitions,
            new FakeLookups().picklist("segment", "RETAIL").record("PARTY", 7));

    private void define(String key, CustomFieldType type, boolean required) {
        CustomFieldDefinitionDTO d = new CustomFieldDefinitionDTO();
        d.key = key;
        d.type = type;
        d.required = required;
        CustomFieldRules.applyDefaults(d);
        definitions.put(key, d);
    }

    @Test
    void valuesBecomeCanonicalTypes() {
        define("nickname", CustomFieldType.STRING, false);
        define("children", CustomFieldType.NUMBER, false);
        define("income", CustomFieldType.DECIMAL, false);
        define("since", CustomFieldType.DATE, false);
        define("vip", CustomFieldType.BOOLEAN, false);
        define("segment", CustomFieldType.PICKLIST, false);
        definitions.get("segment").picklist = "segment";
        define("advisor", CustomFieldType.REFERENCE, false);
        Map<String, Object> input = new HashMap<>(Map.of("nickname", "Jo", "children", 2, "income", 1234.5,
                "since", "2020-02-29", "vip", true, "segment", "RETAIL", "advisor", "7"));
        FieldErrors errors = new FieldErrors();
        Map<String, Object> out = normalizer.normalize(input, false, errors);
        assertEquals(List.of(), errors.list());
        assertEquals(2L, out.get("children"));
        assertEquals(new BigDecimal("1234.5"), out.get("income"));
        assertEquals(LocalDate.of(2020, 2, 29), out.get("since"));
        assertEquals(Boolean.TRUE, out.get("vip"));
        assertEquals("7", out.get("advisor"));
        assertEquals(42L, normalizer.normalize(Map.of("children", "42"), true, errors).get("children"));
    }

    @Test
    void badValuesUnknownKeysAndMissingRequiredAreReported() {
        define("children", CustomFieldType.NUMBER, true);
        define("nickname", CustomFieldType.STRING, false);
        definitions.get("nickname").maxLength = 3;
        define("segment", CustomFieldType.PICKLIST, false);
        definitions.get("segment").values = List.of("A", "B");
        define("since", CustomFieldType.DATE, false);
        define("advisor", CustomFieldType.REFERENCE, false);
        define("mandatory", CustomFieldType.BOOLEAN, true);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("children", 2.5);
        input.put("nickname", "Joseph");
        input.put("segment", "C");
        input.put("since", "29/02/2020");
        input.put("advisor", "8");
        input.put("color", "blue");
        FieldErrors errors = new FieldErrors();
        normalizer.normalize(input, false, errors);
        assertEquals(List.of("customFields.children", "customFields.nickname", "customFields.segment",
                "customFields.since", "customFields.advisor", "customFields.color", "customFields.mandatory"),
                errors.list().stream().map(e -> e.field).toList());
        assertEquals("unknown custom field", errors.list().get(5).message);
    }

    @Test
    void partialWritesSkipRequiredChecks() {
        define("children", CustomFieldType.NUMBER, true);
        FieldErrors errors = new FieldErrors();
        normalizer.normalize(Map.of(), true, errors);
        assertEquals(List.of(), errors.list());
    }

    @Test
    void canonicalTextRoundTrips() {
        assertEquals("12.5", CustomValueCodec.toText(new BigDecimal("12.500")));
        assertEquals(new BigDecimal("12.5"), CustomValueCodec.fromText(CustomFieldType.DECIMAL, "12.5"));
        assertEquals(LocalDate.of(2020, 1, 2), CustomValueCodec.fromText(CustomFieldType.DATE, "2020-01-02"));
        assertEquals(5L, CustomValueCodec.fromText(CustomFieldType.NUMBER, "5"));
    }

    @Test
    void aDecimalWithAHugeExponentIsRefusedNamingTheFieldBeforeItIsExpanded() {
        define("income", CustomFieldType.DECIMAL, false);
        for (Object huge : new Object[] {new BigDecimal("1e500000000"), "1e500000000", "-1E+500000000", "1e-500000000"}) {
            FieldErrors errors = new FieldErrors();
            Map<String, Object> out = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(1),
                    () -> normalizer.normalize(Map.of("income", huge), true, errors));
            assertEquals(Map.of(), out, String.valueOf(huge));
            assertEquals("customFields.income", errors.list().get(0).field);
        }
        FieldErrors errors = new FieldErrors();
        assertEquals(new BigDecimal("1E+30"), normalizer.normalize(Map.of("income", "1e30"), true, errors).get("income"));
        assertEquals(List.of(), errors.list());
    }
}
