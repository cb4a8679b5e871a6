package org.tessera.crm.insurance.impl.service;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.customfield.PicklistDTO;
import org.tessera.crm.core.api.customfield.PicklistValueDTO;
import org.tessera.crm.insurance.api.Insurance;

/**
 * What the pack adds to the core at each start, idempotently: the line-of-business picklist
 * (administered afterwards through the core's picklists) and the renewal reminder activity type.
 * Custom fields on policies and claims are defined by administrators on the entity types
 * {@link Insurance#POLICY} and {@link Insurance#CLAIM}.
 */
@Component(immediate = true, service = InsuranceCustomizations.class)
public class InsuranceCustomizations {
    static final List<String> LINES = List.of("AUTO", "HOME", "LIFE", "HEALTH", "LIABILITY");

    @Activate
    public InsuranceCustomizations(@Reference CustomFieldService customFields) {
        PicklistDTO lines = new PicklistDTO();
        lines.key = Insurance.LINE_PICKLIST;
        for (String line : LINES) {
            lines.values.add(value(line, line.charAt(0) + line.substring(1).toLowerCase()));
        }
        customFields.mergePicklist(lines);
        PicklistDTO types = new PicklistDTO();
        types.key = ActivityTypes.TYPE_PICKLIST;
        types.values.add(value(Insurance.RENEWAL_ACTIVITY, "Policy renewal"));
        customFields.mergePicklist(types);
    }

    private static PicklistValueDTO value(String code, String label) {
        PicklistValueDTO value = new PicklistValueDTO();
        value.code = code;
        value.label = label;
        return value;
    }
}
