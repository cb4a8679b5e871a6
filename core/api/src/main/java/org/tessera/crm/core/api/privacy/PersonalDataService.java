package org.tessera.crm.core.api.privacy;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Export and erasure of a person's data across the core and every installed module, and the legal
 * hold that blocks an erasure. Every operation obeys the caller's perimeter: a party outside it is
 * not found.
 */
@ProviderType
public interface PersonalDataService {
    /** Topic of the one event an erasure records: {@code org/tessera/crm/core/party/ERASED}. */
    String PARTY_ERASED = "org/tessera/crm/core/party/ERASED";

    /**
     * Everything the core and each installed provider hold about the party.
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the party is not there or outside the caller's perimeter
     */
    PersonalDataDTO export(String partyId);

    /**
     * Anonymizes the party in the core and in every installed module, in one transaction, and records
     * one {@link #PARTY_ERASED} event. Irreversible.
     *
     * @param confirmation must equal {@code partyId}
     * @throws org.tessera.crm.core.api.ValidationException when the confirmation is missing or differs
     * @throws org.tessera.crm.core.api.ConflictException while a legal hold is set, or when the party was erased already
     * @throws org.tessera.crm.core.api.NotFoundException when the party is not there or outside the caller's perimeter
     */
    ErasureReportDTO erase(String partyId, String confirmation);

    /** The party's legal hold ({@code active} false when none is set). */
    LegalHoldDTO legalHold(String partyId);

    /**
     * Sets (or replaces) the party's legal hold; audited.
     *
     * @throws org.tessera.crm.core.api.ValidationException when the reason is missing or too long
     */
    LegalHoldDTO setLegalHold(String partyId, String reason);

    /** Clears the party's legal hold, if any; audited. */
    LegalHoldDTO clearLegalHold(String partyId);
}
