package org.tessera.crm.banking.impl;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.AccountTypes;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.customfield.PicklistDTO;
import org.tessera.crm.core.api.customfield.PicklistValueDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;

/**
 * What the pack adds to the core's model, idempotently at each start: its picklists (account
 * types, life event types; administrators may add codes), the household relationship type, and the
 * KYC custom fields on accounts. Nothing is removed when the pack leaves.
 */
@Component(immediate = true, service = BankingCustomizations.class)
public class BankingCustomizations {
    static final String KYC_RISK_RATING = "kycRiskRating";
    static final String KYC_REVIEWED_ON = "kycReviewedOn";
    static final List<String> RISK_RATINGS = List.of("LOW", "MEDIUM", "HIGH");
    static final Map<String, String> LIFE_EVENTS = Map.of("MARRIAGE", "Marriage", "BIRTH_OF_CHILD", "Birth of a child", "NEW_JOB", "New job",
            "RETIREMENT", "Retirement", "RELOCATION", "Relocation", "BEREAVEMENT", "Bereavement", "HOME_PURCHASE", "Home purchase",
            "DIVORCE", "Divorce", "INHERITANCE", "Inheritance");

    @Activate
    public BankingCustomizations(@Reference CustomFieldService customFields) {
        customFields.mergePicklist(picklist(BankingEntityTypes.ACCOUNT_TYPE_PICKLIST, AccountTypes.ALL.stream()
                .collect(java.util.stream.Collectors.toMap(code -> code, BankingCustomizations::label, (a, b) -> a, java.util.LinkedHashMap::new))));
        customFields.mergePicklist(picklist(BankingEntityTypes.LIFE_EVENT_TYPE_PICKLIST, new java.util.TreeMap<>(LIFE_EVENTS)));
        customFields.mergePicklist(picklist(PartyRelationshipDTO.PICKLIST, Map.of(HouseholdServiceImpl.MEMBER_OF_HOUSEHOLD, "Member of household")));

        CustomFieldDefinitionDTO rating = field(KYC_RISK_RATING, "KYC risk rating", CustomFieldType.PICKLIST);
        rating.values.addAll(RISK_RATINGS);
        customFields.defineIfAbsent(rating);
        customFields.defineIfAbsent(field(KYC_REVIEWED_ON, "KYC reviewed on", CustomFieldType.DATE));
    }

    private static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static PicklistDTO picklist(String key, Map<String, String> values) {
        PicklistDTO picklist = new PicklistDTO();
        picklist.key = key;
        values.forEach((code, label) -> {
            PicklistValueDTO value = new PicklistValueDTO();
            value.code = code;
            value.label = label;
            picklist.values.add(value);
        });
        return picklist;
    }

    private static CustomFieldDefinitionDTO field(String key, String label, CustomFieldType type) {
        CustomFieldDefinitionDTO field = new CustomFieldDefinitionDTO();
        field.entityType = BankingEntityTypes.ACCOUNT;
        field.key = key;
        field.label = label;
        field.type = type;
        field.module = BankingEntityTypes.MODULE;
        return field;
    }
}
