package org.tessera.crm.core.api.duplicate;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.party.PartyType;

/**
 * A duplicate rule: two parties of {@link #partyType} are likely duplicates when every one of
 * {@link #fields} matches. At least one field must use {@link MatchMethod#EXACT} or
 * {@link MatchMethod#NORMALIZED}: the database finds a party's candidates by those values, never by
 * reading every party.
 */
public class DuplicateRuleDTO {
    /** Identifies the rule (letters, digits and dashes); set from the URL. */
    public String key;
    public PartyType partyType;
    public String description;
    public DuplicateAction action;
    public List<MatchFieldDTO> fields = new ArrayList<>();
    public long version;
}
