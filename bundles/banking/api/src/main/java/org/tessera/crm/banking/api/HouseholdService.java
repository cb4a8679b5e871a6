package org.tessera.crm.banking.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Households and their rollups. A household is a core party of type {@code HOUSEHOLD}; its members
 * are persons linked to it by the core's {@code MEMBER_OF_HOUSEHOLD} relationship, with a role and
 * a primary flag kept by this pack. See {@link RollupDTO} for the counting rule.
 */
@ProviderType
public interface HouseholdService {

    /**
     * Adds a person to a household (and the core relationship).
     *
     * @throws org.tessera.crm.core.api.ValidationException when the household is no household, the
     *         member is no person, or {@code primary} is asked while the person has another primary
     *         household
     * @throws org.tessera.crm.core.api.ConflictException when the person is already a member
     */
    HouseholdMemberDTO addMember(String householdId, HouseholdMemberDTO member);

    List<HouseholdMemberDTO> members(String householdId);

    /** The households a person belongs to, the primary one first. */
    List<HouseholdMemberDTO> membershipsOf(String partyId);

    /** Ends a membership here; the core relationship stays as history of the party. */
    void removeMember(String householdId, String memberId, Long expectedVersion);

    /** @throws org.tessera.crm.core.api.NotFoundException when the household is absent or out of scope */
    RollupDTO householdRollup(String householdId);

    /** The accounts and assets a person counts (as primary owner or declarer), same rule. */
    RollupDTO personRollup(String partyId);

    /** Declares an asset or a liability of a party. */
    AssetDTO addAsset(String partyId, AssetDTO asset);

    List<AssetDTO> assets(String partyId);
}
