package org.tessera.crm.sales.impl.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.party.Classifications;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.sales.api.LeadDTO;

/** The parties a lead creates or reuses, through the core's PartyService. */
final class LeadParties {
    private final PartyService parties;

    LeadParties(PartyService parties) {
        this.parties = parties;
    }

    /** A prospect party made from the lead's person fields (or its company when it names no person). */
    PartyDTO createProspect(LeadDTO lead) {
        PartyDTO party = new PartyDTO();
        if (lead.lastName != null) {
            party.type = PartyType.PERSON;
            party.firstName = lead.firstName;
            party.lastName = lead.lastName;
            party.jobTitle = lead.jobTitle;
        } else {
            party.type = PartyType.ORGANIZATION;
            party.legalName = lead.companyName;
        }
        party.classifications.add(Classifications.PROSPECT);
        party.ownerId = lead.ownerId;
        if (lead.email != null) {
            party.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, lead.email));
        }
        if (lead.phone != null) {
            party.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, lead.phone));
        }
        return parties.create(party);
    }

    /** Makes the party a customer (no longer a prospect); a no-op when it already is. On failure, {@code undo} gives it its classifications back. */
    PartyDTO makeCustomer(String partyId, Compensations undo) {
        PartyDTO party = parties.get(partyId);
        if (party.classifications.contains(Classifications.CUSTOMER) && !party.classifications.contains(Classifications.PROSPECT)) {
            return party;
        }
        LinkedHashSet<String> before = new LinkedHashSet<>(party.classifications);
        LinkedHashSet<String> classes = new LinkedHashSet<>(before);
        classes.remove(Classifications.PROSPECT);
        classes.add(Classifications.CUSTOMER);
        party.classifications = classes;
        PartyDTO customer = parties.update(partyId, party.version, party);
        undo.onFailure(() -> {
            PartyDTO current = parties.get(partyId);
            current.classifications = before;
            parties.update(partyId, current.version, current);
        });
        return customer;
    }

    /** Deletes a party this module created, when the write that created it fails later. */
    void deleteCreated(PartyDTO created) {
        parties.delete(created.id, null);
    }

    /**
     * The organization named {@code companyName}: an existing one with that exact name (any case),
     * else a new one, which {@code undo} deletes on failure (with the relationships made to it).
     */
    PartyDTO organization(String companyName, String ownerId, Compensations undo) {
        PartyQuery query = new PartyQuery();
        query.q = companyName;
        query.type = PartyType.ORGANIZATION;
        query.limit = 50;
        Optional<PartyDTO> existing = parties.search(query).items.stream()
                .filter(p -> p.legalName != null && p.legalName.toLowerCase(Locale.ROOT).equals(companyName.toLowerCase(Locale.ROOT)))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        PartyDTO org = new PartyDTO();
        org.type = PartyType.ORGANIZATION;
        org.legalName = companyName;
        org.ownerId = ownerId;
        PartyDTO created = parties.create(org);
        undo.onFailure(() -> deleteCreated(created));
        return created;
    }

    /** Records that the person works for the organization, unless it is already known. */
    void employ(String personId, String organizationId) {
        boolean known = parties.relationships(personId).stream()
                .anyMatch(r -> "EMPLOYEE_OF".equals(r.type) && organizationId.equals(r.toPartyId) && r.thru == null);
        if (known) {
            return;
        }
        PartyRelationshipDTO relationship = new PartyRelationshipDTO();
        relationship.type = "EMPLOYEE_OF";
        relationship.toPartyId = organizationId;
        try {
            parties.addRelationship(personId, relationship);
        } catch (ConflictException alreadyThere) {
            // an overlapping one exists: what conversion wanted is there
        }
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String value) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = type;
        m.value = value;
        m.purpose = "WORK";
        m.primary = true;
        return m;
    }
}
