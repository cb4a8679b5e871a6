package org.tessera.crm.core.kit.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;

/**
 * The merge fields of a party, the same in every module's templates: put {@link #of} under the key
 * {@code party} of a model. Email, phone and address come from the primary mechanism of their
 * type, or the first one. Consent is not this class's business: a sender checks the recipient's
 * opt-outs before anything goes out.
 */
public final class PartyMergeFields {
    /** Every fixed path; custom fields are {@code party.customFields.<key>}. */
    public static final Set<String> PATHS = Set.of("party.id", "party.type", "party.displayName", "party.salutation",
            "party.firstName", "party.lastName", "party.legalName", "party.name", "party.jobTitle", "party.email",
            "party.phone", "party.line1", "party.line2", "party.postalCode", "party.city", "party.region",
            "party.country");
    /** Prefix of the custom field paths. */
    public static final String CUSTOM_FIELDS_PREFIX = "party.customFields.";

    private PartyMergeFields() {
    }

    /** Whether {@code path} is one of the party's merge fields (fixed or custom). */
    public static boolean isPartyPath(String path) {
        return PATHS.contains(path) || (path.startsWith(CUSTOM_FIELDS_PREFIX) && path.length() > CUSTOM_FIELDS_PREFIX.length());
    }

    /** The model of {@code party} (values may be null; rendering shows them blank or the fallback). */
    public static Map<String, Object> of(PartyDTO party) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", party.id);
        model.put("type", party.type == null ? null : party.type.name());
        model.put("displayName", party.displayName);
        model.put("salutation", party.salutation);
        model.put("firstName", party.firstName);
        model.put("lastName", party.lastName);
        model.put("legalName", party.legalName);
        model.put("name", party.name);
        model.put("jobTitle", party.jobTitle);
        ContactMechanismDTO email = preferred(party.contactMechanisms, ContactMechanismType.EMAIL);
        ContactMechanismDTO phone = preferred(party.contactMechanisms, ContactMechanismType.PHONE);
        ContactMechanismDTO postal = preferred(party.contactMechanisms, ContactMechanismType.POSTAL);
        model.put("email", email == null ? null : email.value);
        model.put("phone", phone == null ? null : phone.value);
        model.put("line1", postal == null ? null : postal.line1);
        model.put("line2", postal == null ? null : postal.line2);
        model.put("postalCode", postal == null ? null : postal.postalCode);
        model.put("city", postal == null ? null : postal.city);
        model.put("region", postal == null ? null : postal.region);
        model.put("country", postal == null ? null : postal.country);
        model.put("customFields", party.customFields == null ? Map.of() : new LinkedHashMap<>(party.customFields));
        return model;
    }

    /** The primary mechanism of {@code type}, else the first of that type, else null. */
    public static ContactMechanismDTO preferred(List<ContactMechanismDTO> mechanisms, ContactMechanismType type) {
        if (mechanisms == null) {
            return null;
        }
        ContactMechanismDTO first = null;
        for (ContactMechanismDTO mechanism : mechanisms) {
            if (mechanism.type != type) {
                continue;
            }
            if (mechanism.primary) {
                return mechanism;
            }
            if (first == null) {
                first = mechanism;
            }
        }
        return first;
    }
}
