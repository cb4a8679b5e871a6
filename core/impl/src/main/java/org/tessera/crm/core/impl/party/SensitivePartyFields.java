package org.tessera.crm.core.impl.party;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CorePermissions;

/**
 * The party fields that need {@link CorePermissions#PARTY_SENSITIVE}: the core field
 * {@code birthDate} and the custom fields defined as sensitive. A caller without the permission
 * neither sees nor writes them. What such a caller sends for them is ignored, not refused: it
 * cannot see the stored value, so a party it read and sends back must not fail for lacking it.
 * Shared by every write path (the party service, the bulk import) so that they cannot disagree.
 */
public final class SensitivePartyFields {
    /** The sensitive core fields. */
    public static final Set<String> CORE = Set.of("birthDate");

    private final Set<String> customKeys;

    private SensitivePartyFields(Set<String> customKeys) {
        this.customKeys = Set.copyOf(customKeys);
    }

    /** The sensitive fields as currently defined, read in the caller's transaction. */
    public static SensitivePartyFields of(EntityManager em) {
        return new SensitivePartyFields(new HashSet<>(em.createQuery("SELECT d.key FROM CustomFieldDefinitionEntity d"
                + " WHERE d.entityType = :type AND d.sensitive = :sensitive", String.class)
                .setParameter("type", EntityTypes.PARTY).setParameter("sensitive", true).getResultList()));
    }

    /** The sensitive fields among already loaded party custom field definitions. */
    public static SensitivePartyFields of(Collection<CustomFieldDefinitionDTO> definitions) {
        return new SensitivePartyFields(definitions.stream().filter(d -> d.sensitive).map(d -> d.key)
                .collect(Collectors.toSet()));
    }

    /**
     * Removes the sensitive values from {@code party}: what a new party of a caller without the
     * permission is created without, and what such a caller is not shown.
     */
    public PartyDTO strip(PartyDTO party) {
        party.birthDate = null;
        customKeys.forEach(party.customFields::remove);
        return party;
    }

    /** Puts the stored sensitive values back into {@code candidate}: an update by a caller without the permission leaves them alone. */
    public void keepStored(PartyDTO candidate, PartyDTO stored) {
        candidate.birthDate = stored.birthDate;
        for (String key : customKeys) {
            if (stored.customFields.containsKey(key)) {
                candidate.customFields.put(key, stored.customFields.get(key));
            } else {
                candidate.customFields.remove(key);
            }
        }
    }

    /**
     * Refuses filters on sensitive custom fields for a caller who may not read them: a search that
     * matched on a value the caller cannot see would tell it the value (an oracle).
     *
     * @throws ForbiddenException naming the first such {@code customFields.<key>} parameter
     */
    public void refuseFilters(Collection<String> filteredKeys) {
        for (String key : filteredKeys) {
            if (customKeys.contains(key)) {
                throw new ForbiddenException("customFields." + key, "filtering on the sensitive field " + key
                        + " needs the permission " + CorePermissions.PARTY_SENSITIVE);
            }
        }
    }

    /** The fields the audit trail masks, whoever the caller: core names and {@code customFields.<key>}. */
    public Set<String> masked() {
        Set<String> masked = new HashSet<>(CORE);
        customKeys.forEach(key -> masked.add("customFields." + key));
        return masked;
    }
}
