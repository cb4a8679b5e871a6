package org.tessera.crm.core.impl.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.customfield.CustomValueCodec;
import org.tessera.crm.core.impl.party.PartyMapper;

/** The decisions of an upsert: how an imported row relates to the stored party it matched. */
final class PartyStates {
    private PartyStates() {
    }

    /**
     * Prepares {@code candidate} to replace {@code stored}: it takes the stored id, keeps the
     * stored external ids it does not mention (an import from one system does not erase the
     * ids of another), and reuses the ids of stored contact mechanisms equal in type and value,
     * so that an unchanged mechanism stays the same record.
     */
    static void adopt(PartyDTO candidate, PartyDTO stored) {
        candidate.id = stored.id;
        Map<String, String> merged = new LinkedHashMap<>(stored.externalIds);
        merged.putAll(candidate.externalIds);
        candidate.externalIds = merged;
        Map<String, List<String>> storedIds = new HashMap<>();
        for (ContactMechanismDTO m : stored.contactMechanisms) {
            storedIds.computeIfAbsent(identity(m), k -> new ArrayList<>()).add(m.id);
        }
        List<ContactMechanismDTO> copies = new ArrayList<>();
        for (ContactMechanismDTO m : candidate.contactMechanisms) {
            ContactMechanismDTO copy = PartyMapper.withoutId(m);
            List<String> ids = storedIds.get(identity(m));
            copy.id = ids == null || ids.isEmpty() ? null : ids.remove(0);
            copies.add(copy);
        }
        candidate.contactMechanisms = copies;
    }

    /** Whether writing {@code candidate} over {@code stored} would change nothing a client can see. */
    static boolean sameState(PartyDTO candidate, PartyDTO stored) {
        return candidate.type == stored.type
                && Objects.equals(candidate.salutation, stored.salutation)
                && Objects.equals(candidate.firstName, stored.firstName)
                && Objects.equals(candidate.lastName, stored.lastName)
                && Objects.equals(candidate.birthDate, stored.birthDate)
                && Objects.equals(candidate.jobTitle, stored.jobTitle)
                && Objects.equals(candidate.legalName, stored.legalName)
                && Objects.equals(candidate.registrationNumber, stored.registrationNumber)
                && Objects.equals(candidate.industry, stored.industry)
                && Objects.equals(candidate.name, stored.name)
                && candidate.status == stored.status
                && Objects.equals(candidate.ownerId, stored.ownerId)
                && Objects.equals(candidate.orgUnitId, stored.orgUnitId)
                && Set.copyOf(candidate.classifications).equals(Set.copyOf(stored.classifications))
                && candidate.externalIds.equals(stored.externalIds)
                && sameMechanisms(candidate.contactMechanisms, stored.contactMechanisms)
                && CustomValueCodec.sameValues(candidate.customFields, stored.customFields);
    }

    private static boolean sameMechanisms(List<ContactMechanismDTO> a, List<ContactMechanismDTO> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            ContactMechanismDTO x = a.get(i);
            ContactMechanismDTO y = b.get(i);
            boolean same = Objects.equals(x.id, y.id) && x.type == y.type && Objects.equals(x.value, y.value)
                    && Objects.equals(x.line1, y.line1) && Objects.equals(x.line2, y.line2)
                    && Objects.equals(x.postalCode, y.postalCode) && Objects.equals(x.city, y.city)
                    && Objects.equals(x.region, y.region) && Objects.equals(x.country, y.country)
                    && Objects.equals(x.purpose, y.purpose) && x.primary == y.primary && x.optOut == y.optOut
                    && Objects.equals(x.validFrom, y.validFrom) && Objects.equals(x.validThru, y.validThru);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static String identity(ContactMechanismDTO m) {
        return m.type + "\u0000" + m.value + "\u0000" + m.line1 + "\u0000" + m.postalCode + "\u0000" + m.city;
    }
}
