package org.tessera.crm.core.api.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A party: a person, an organization or a household. Which name fields apply depends on
 * {@link #type}; {@link #displayName} is derived from them by the server.
 *
 * <p>{@code id}, {@code displayName}, {@code version}, {@code createdAt} and {@code updatedAt}
 * are owned by the server: values sent by a client are ignored.
 */
public class PartyDTO {
    public String id;
    public PartyType type;
    public String displayName;
    // person
    public String salutation;
    public String firstName;
    public String lastName;
    public LocalDate birthDate;
    public String jobTitle;
    // organization
    public String legalName;
    public String registrationNumber;
    public String industry;
    // household
    public String name;

    public PartyStatus status;
    /** Classification codes, see {@link Classifications}. */
    public Set<String> classifications = new LinkedHashSet<>();
    public List<ContactMechanismDTO> contactMechanisms = new ArrayList<>();
    /** Id of the owning agent. */
    public String ownerId;
    /** Id of the owning org unit (the record's perimeter). */
    public String orgUnitId;
    /** Ids of this party in other systems, by source system name. */
    public Map<String, String> externalIds = new LinkedHashMap<>();
    /** Values of the custom fields defined for {@code PARTY}, by field key. */
    public Map<String, Object> customFields = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
