package org.tessera.crm.core.impl.duplicate;

import java.util.Set;

import org.tessera.crm.core.api.party.PartyDTO;

/** A party as the duplicate rules see it: its fields and the organizations it is currently EMPLOYEE_OF. */
public record PartyFacts(PartyDTO party, Set<String> employers) {
    public PartyFacts {
        employers = Set.copyOf(employers);
    }
}
