package org.tessera.crm.core.api.overview;

import java.util.LinkedHashSet;
import java.util.Set;

import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;

/** The key facts heading a party's overview. */
public class PartyFactsDTO {
    public String id;
    public PartyType type;
    public String displayName;
    public PartyStatus status;
    /** Classification codes (prospect, customer…). */
    public Set<String> classifications = new LinkedHashSet<>();
    /** Id of the owning agent, if any. */
    public String ownerId;
    /** Display name of the owning agent, when the agent exists. */
    public String ownerName;
    /** Id of the org unit the party belongs to (its perimeter). */
    public String orgUnitId;
    /** Name of that org unit, when it exists. */
    public String orgUnitName;
}
