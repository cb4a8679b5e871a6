package org.tessera.crm.core.api.party;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;

/**
 * Reads and writes parties. Every write is validated (core rules, custom field definitions and
 * every registered {@link org.tessera.crm.core.api.spi.Validator} for {@code PARTY}), runs in
 * one transaction, and posts a domain event after commit.
 */
@ProviderType
public interface PartyService {

    /**
     * Creates a party from the client-writable fields of {@code draft}.
     *
     * @return the stored party, with its id, version 1 and timestamps
     * @throws ValidationException when a field is invalid
     */
    PartyDTO create(PartyDTO draft);

    /**
     * Creates a party, checking it against the duplicate rules first.
     *
     * @param allowDuplicates {@code true} to create it although a warning rule matches
     * @throws org.tessera.crm.core.api.duplicate.DuplicateFoundException when a rule matches and is not
     *         overridden ({@link #create(PartyDTO)} is {@code create(draft, false)} in the core)
     * @since 1.2
     */
    default PartyDTO create(PartyDTO draft, boolean allowDuplicates) {
        return create(draft);
    }

    /** The party with this id, if it exists. */
    Optional<PartyDTO> find(String id);

    /**
     * The party with this id.
     *
     * @throws NotFoundException when there is none
     */
    PartyDTO get(String id);

    /**
     * Replaces the client-writable state of a party.
     *
     * @param expectedVersion the version the caller's copy was read at, or {@code null} to skip the check
     * @throws NotFoundException when there is no such party
     * @throws StaleVersionException when the stored version differs from {@code expectedVersion}
     * @throws ValidationException when a field is invalid
     */
    PartyDTO update(String id, Long expectedVersion, PartyDTO desired);

    /**
     * Replaces a party, checking it against the duplicate rules first.
     *
     * @param allowDuplicates {@code true} to write it although a warning rule matches
     * @throws org.tessera.crm.core.api.duplicate.DuplicateFoundException when a rule matches and is not overridden
     * @since 1.2
     */
    default PartyDTO update(String id, Long expectedVersion, PartyDTO desired, boolean allowDuplicates) {
        return update(id, expectedVersion, desired);
    }

    /**
     * Deletes a party with its contact mechanisms, roles, relationships and custom values.
     *
     * @throws NotFoundException when there is no such party
     * @throws StaleVersionException when the stored version differs from {@code expectedVersion}
     */
    void delete(String id, Long expectedVersion);

    /**
     * Searches parties, one keyset page at a time.
     *
     * @throws ValidationException when a criterion or the cursor is invalid
     */
    Page<PartyDTO> search(PartyQuery query);

    /**
     * Every party the search's criteria match (its sort, limit and cursor are ignored: an export
     * reads in id order), with the caller's perimeter in the query and the sensitive fields left out
     * as {@link #get} leaves them out for this caller.
     *
     * @throws ValidationException when a criterion is invalid, as {@link #search} would
     */
    RecordExport<PartyDTO> export(PartyQuery query);

    /**
     * Adds a relationship from party {@code fromPartyId} to {@code relationship.toPartyId}.
     *
     * @throws NotFoundException when either party does not exist
     * @throws ValidationException when the type or the dates are invalid
     * @throws ConflictException when the same relationship already exists for an overlapping period
     */
    PartyRelationshipDTO addRelationship(String fromPartyId, PartyRelationshipDTO relationship);

    /** Relationships from or to this party, oldest first. */
    List<PartyRelationshipDTO> relationships(String partyId);

    /** Adds a role to a party. */
    PartyRoleDTO addRole(String partyId, PartyRoleDTO role);

    /** Roles of a party, oldest first. */
    List<PartyRoleDTO> roles(String partyId);
}
