package org.tessera.crm.core.impl.customfield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.customfield.PicklistDTO;
import org.tessera.crm.core.api.customfield.PicklistValueDTO;

class CustomFieldRulesTest {
    private static List<String> fields(CustomFieldDefinitionDTO d) {
        return CustomFieldRules.check(d, "known"::equals).list().stream().map(e -> e.field).toList();
    }

    @Test
    void keysEntityTypesAndTypesAreRequired() {
        CustomFieldDefinitionDTO d = new CustomFieldDefinitionDTO();
        assertEquals(List.of("entityType", "key", "type"), fields(d));
        d.entityType = "party";
        d.key = "Risk-Profile";
        d.type = CustomFieldType.STRING;
        assertEquals(List.of("entityType", "key"), fields(d));
        d.entityType = "PARTY";
        d.key = "riskProfile";
        assertEquals(List.of(), fields(d));
    }

    @Test
    void picklistFieldsNeedValuesOrAnExistingPicklist() {
        CustomFieldDefinitionDTO d = new CustomFieldDefinitionDTO();
        d.entityType = "PARTY";
        d.key = "segment";
        d.type = CustomFieldType.PICKLIST;
        assertEquals(List.of("values"), fields(d));
        d.picklist = "unknown";
        assertEquals(List.of("picklist"), fields(d));
        d.picklist = "known";
        assertEquals(List.of(), fields(d));
    }

    @Test
    void defaultsAreFilled() {
        CustomFieldDefinitionDTO d = new CustomFieldDefinitionDTO();
        d.type = CustomFieldType.STRING;
        CustomFieldRules.applyDefaults(d);
        assertEquals(255, d.maxLength);
        CustomFieldDefinitionDTO r = new CustomFieldDefinitionDTO();
        r.type = CustomFieldType.REFERENCE;
        CustomFieldRules.applyDefaults(r);
        assertEquals("PARTY", r.referenceType);
    }

    @Test
    void picklistCodesAreUnique() {
        PicklistDTO p = new PicklistDTO();
        p.key = "segment";
        PicklistValueDTO a = new PicklistValueDTO();
        a.code = "A";
        PicklistValueDTO again = new PicklistValueDTO();
        again.code = "A";
        p.values = List.of(a, again);
        assertEquals(List.of("values[1].code"), CustomFieldRules.check(p).list().stream().map(e -> e.field).toList());
    }
}
