package org.tessera.crm.examples.dealer.impl;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.customfield.PicklistDTO;
import org.tessera.crm.core.api.customfield.PicklistValueDTO;
import org.tessera.crm.examples.dealer.api.VehicleService;

/**
 * What the pack adds to the core's model through its extension points, idempotently at each
 * start: the {@code TEST_DRIVE} activity type and two custom fields on parties. Nothing is
 * removed when the pack leaves: the values stay with the parties.
 */
@Component(immediate = true, service = DealerCustomizations.class)
public class DealerCustomizations {
    static final String PREFERRED_BRAND = "preferredBrand";
    static final String DRIVING_LICENSE_DATE = "drivingLicenseDate";
    static final List<String> BRANDS = List.of("RENAULT", "PEUGEOT", "CITROEN", "DACIA", "TOYOTA", "VOLKSWAGEN", "OTHER");

    @Activate
    public DealerCustomizations(@Reference CustomFieldService customFields) {
        PicklistDTO types = new PicklistDTO();
        types.key = ActivityTypes.TYPE_PICKLIST;
        PicklistValueDTO testDrive = new PicklistValueDTO();
        testDrive.code = VehicleService.TEST_DRIVE;
        testDrive.label = "Test drive";
        types.values.add(testDrive);
        customFields.mergePicklist(types);

        CustomFieldDefinitionDTO brand = field(PREFERRED_BRAND, "Preferred brand", CustomFieldType.PICKLIST);
        brand.values.addAll(BRANDS);
        customFields.defineIfAbsent(brand);
        customFields.defineIfAbsent(field(DRIVING_LICENSE_DATE, "Driving licence since", CustomFieldType.DATE));
    }

    private static CustomFieldDefinitionDTO field(String key, String label, CustomFieldType type) {
        CustomFieldDefinitionDTO field = new CustomFieldDefinitionDTO();
        field.entityType = EntityTypes.PARTY;
        field.key = key;
        field.label = label;
        field.type = type;
        field.module = VehicleService.MODULE;
        return field;
    }
}
