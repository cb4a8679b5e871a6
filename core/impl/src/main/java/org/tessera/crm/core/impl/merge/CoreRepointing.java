package org.tessera.crm.core.impl.merge;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.kit.merge.ClashRule;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;

/**
 * The core's own records of a party, re-pointed by the same kit helper as the modules' records.
 * What the survivor already has (the same contact mechanism, classification, external id source,
 * role, relationship, custom field, activity) stays on the victim: nothing is deleted, and undo has
 * nothing to recreate.
 */
final class CoreRepointing {
    static final String MODULE = "core";

    static final PartyRepointing TABLES = new PartyRepointing(MODULE,
            RepointedTable.of("CONTACT_MECHANISM", "contact_mechanism", "party_id", "id").versioned("version")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "mech_type", "mech_value", "line1", "postal_code", "city", "country"),
            RepointedTable.of("CLASSIFICATION", "party_classification", "party_id", "code")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "code"),
            RepointedTable.of("EXTERNAL_ID", "party_external_id", "party_id", "source")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "source"),
            RepointedTable.of("PARTY_ROLE", "party_role", "party_id", "id").versioned("version")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "role_type"),
            RepointedTable.of("PARTY_RELATIONSHIP", "party_relationship", "from_party_id", "id").versioned("version")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "rel_type", "to_party_id").notLinking("to_party_id"),
            RepointedTable.of("PARTY_RELATIONSHIP", "party_relationship", "to_party_id", "id").versioned("version")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "rel_type", "from_party_id").notLinking("from_party_id"),
            RepointedTable.of("CUSTOM_VALUE", "custom_value", "entity_id", "field_key")
                    .where("entity_type = '" + EntityTypes.PARTY + "'").clashOn(ClashRule.KEEP_ON_VICTIM, "field_key"),
            RepointedTable.of("ACTIVITY_PARTICIPANT", "activity_participant", "party_id", "activity_id")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "activity_id"),
            RepointedTable.of("ACTION_PLAN", "action_plan", "party_id", "id").versioned("version"));

    private CoreRepointing() {
    }
}
