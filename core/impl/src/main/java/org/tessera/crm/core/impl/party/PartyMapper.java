package org.tessera.crm.core.impl.party;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.search.PartySearchTerms;
import org.tessera.crm.core.impl.entity.ContactMechanismEntity;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.kit.Ids;

/** Copies between party DTOs and entities. Server-owned DTO fields are never read from clients. */
public final class PartyMapper {
    private PartyMapper() {
    }

    /** The client-writable state of {@code source}, with defaults and the derived display name. */
    public static PartyDTO writableCopy(PartyDTO source) {
        PartyDTO copy = new PartyDTO();
        copy.type = source.type;
        copy.salutation = source.salutation;
        copy.firstName = source.firstName;
        copy.lastName = source.lastName;
        copy.birthDate = source.birthDate;
        copy.jobTitle = source.jobTitle;
        copy.legalName = source.legalName;
        copy.registrationNumber = source.registrationNumber;
        copy.industry = source.industry;
        copy.name = source.name;
        copy.status = source.status == null ? PartyStatus.ACTIVE : source.status;
        copy.classifications = new LinkedHashSet<>(nonNull(source.classifications));
        copy.contactMechanisms = new ArrayList<>(source.contactMechanisms == null ? List.of() : source.contactMechanisms);
        copy.ownerId = source.ownerId;
        copy.orgUnitId = source.orgUnitId;
        copy.externalIds = new LinkedHashMap<>(source.externalIds == null ? Map.of() : source.externalIds);
        copy.customFields = new LinkedHashMap<>(source.customFields == null ? Map.of() : source.customFields);
        copy.displayName = PartySearchTerms.displayName(copy);
        return copy;
    }

    /** A copy of {@code m} without its id: a new record, whatever id the client sent. */
    public static ContactMechanismDTO withoutId(ContactMechanismDTO m) {
        ContactMechanismDTO c = new ContactMechanismDTO();
        c.type = m.type;
        c.value = m.value;
        c.line1 = m.line1;
        c.line2 = m.line2;
        c.postalCode = m.postalCode;
        c.city = m.city;
        c.region = m.region;
        c.country = m.country;
        c.purpose = m.purpose;
        c.primary = m.primary;
        c.optOut = m.optOut;
        c.validFrom = m.validFrom;
        c.validThru = m.validThru;
        return c;
    }

    /** Makes the entity hold the validated state {@code p}; mechanisms are matched by id. */
    public static void apply(PartyDTO p, PartyEntity e) {
        e.type = p.type.name();
        e.displayName = p.displayName;
        e.sortName = PartySearchTerms.sortKey(p.displayName);
        e.salutation = p.salutation;
        e.firstName = p.firstName;
        e.lastName = p.lastName;
        e.birthDate = p.birthDate;
        e.jobTitle = p.jobTitle;
        e.legalName = p.legalName;
        e.registrationNumber = p.registrationNumber;
        e.industry = p.industry;
        e.householdName = p.name;
        e.status = p.status.name();
        e.ownerId = Ids.parse(p.ownerId).orElse(null);
        e.orgUnitId = Ids.parse(p.orgUnitId).orElse(null);
        replaceContents(e.classifications, p.classifications);
        if (!e.externalIds.equals(p.externalIds)) {
            e.externalIds.keySet().retainAll(p.externalIds.keySet());
            e.externalIds.putAll(p.externalIds);
        }
        replaceContents(e.searchTerms, PartySearchTerms.termsOf(p));
        applyMechanisms(p.contactMechanisms, e);
    }

    private static void applyMechanisms(List<ContactMechanismDTO> desired, PartyEntity e) {
        Map<Long, ContactMechanismEntity> existing = new HashMap<>();
        e.contactMechanisms.forEach(m -> existing.put(m.id, m));
        List<ContactMechanismEntity> kept = new ArrayList<>();
        for (ContactMechanismDTO dto : desired) {
            ContactMechanismEntity entity = Ids.parse(dto.id).map(existing::get).orElse(null);
            if (entity == null) {
                entity = new ContactMechanismEntity();
                entity.party = e;
            }
            copy(dto, entity);
            kept.add(entity);
        }
        // orphanRemoval deletes what is no longer listed
        e.contactMechanisms.retainAll(kept);
        for (ContactMechanismEntity m : kept) {
            if (!e.contactMechanisms.contains(m)) {
                e.contactMechanisms.add(m);
            }
        }
    }

    private static void copy(ContactMechanismDTO d, ContactMechanismEntity m) {
        m.type = d.type.name();
        m.value = d.value;
        m.line1 = d.line1;
        m.line2 = d.line2;
        m.postalCode = d.postalCode;
        m.city = d.city;
        m.region = d.region;
        m.country = d.country;
        m.purpose = d.purpose;
        m.primary = d.primary;
        m.optOut = d.optOut;
        m.validFrom = d.validFrom;
        m.validThru = d.validThru;
    }

    /** The entity's scalar state; collections are filled by {@link PartyReader}. */
    static PartyDTO scalars(PartyEntity e) {
        PartyDTO p = new PartyDTO();
        p.id = Ids.format(e.id);
        p.type = PartyType.valueOf(e.type);
        p.displayName = e.displayName;
        p.salutation = e.salutation;
        p.firstName = e.firstName;
        p.lastName = e.lastName;
        p.birthDate = e.birthDate;
        p.jobTitle = e.jobTitle;
        p.legalName = e.legalName;
        p.registrationNumber = e.registrationNumber;
        p.industry = e.industry;
        p.name = e.householdName;
        p.status = PartyStatus.valueOf(e.status);
        p.ownerId = Ids.format(e.ownerId);
        p.orgUnitId = Ids.format(e.orgUnitId);
        p.version = e.version;
        p.createdAt = e.createdAt;
        p.updatedAt = e.updatedAt;
        return p;
    }

    static ContactMechanismDTO toDto(ContactMechanismEntity m) {
        ContactMechanismDTO d = new ContactMechanismDTO();
        d.id = Ids.format(m.id);
        d.type = ContactMechanismType.valueOf(m.type);
        d.value = m.value;
        d.line1 = m.line1;
        d.line2 = m.line2;
        d.postalCode = m.postalCode;
        d.city = m.city;
        d.region = m.region;
        d.country = m.country;
        d.purpose = m.purpose;
        d.primary = m.primary;
        d.optOut = m.optOut;
        d.validFrom = m.validFrom;
        d.validThru = m.validThru;
        return d;
    }

    private static <T> void replaceContents(Set<T> target, Set<T> desired) {
        target.retainAll(desired);
        target.addAll(desired);
    }

    private static Set<String> nonNull(Set<String> set) {
        return set == null ? Set.of() : set;
    }
}
