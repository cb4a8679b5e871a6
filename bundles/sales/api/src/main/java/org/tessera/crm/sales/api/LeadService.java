package org.tessera.crm.sales.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;

/**
 * Leads and their prospecting. Writes are validated (lead rules, custom fields of {@code LEAD},
 * registered validators) and post events after commit.
 */
@ProviderType
public interface LeadService {

    /**
     * Creates a lead; creates a person party (classified PROSPECT) from its fields when no
     * {@code partyId} is given.
     *
     * @throws org.tessera.crm.core.api.ValidationException when a field is invalid
     */
    LeadDTO create(LeadDTO draft);

    /** @throws org.tessera.crm.core.api.NotFoundException when there is no such lead */
    LeadDTO get(String id);

    /**
     * Replaces the client-writable state of a lead.
     *
     * @param expectedVersion the version the caller read, or {@code null} to skip the check
     * @throws org.tessera.crm.core.api.ConflictException when the lead is converted or the status
     *             transition is not allowed
     * @throws org.tessera.crm.core.api.StaleVersionException when the stored version differs
     */
    LeadDTO update(String id, Long expectedVersion, LeadDTO desired);

    Page<LeadDTO> search(LeadQuery query);

    /**
     * Records a prospecting attempt: a done call activity with its outcome, and a planned
     * activity for the next action if one is given. A NEW lead becomes WORKING.
     */
    LeadDTO recordOutcome(String id, LeadOutcomeDTO outcome);

    /**
     * Converts a lead. Idempotent: converting a converted lead returns what the first
     * conversion did.
     *
     * @throws org.tessera.crm.core.api.ConflictException when the lead is not QUALIFIED
     */
    LeadConversionDTO convert(String id, LeadConversionDTO request);

    /**
     * Deletes a lead (its activities stay, as history of its party).
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or {@code null} for an unconditional delete
     * @throws org.tessera.crm.core.api.StaleVersionException when the stored version differs
     * @throws org.tessera.crm.core.api.ConflictException while a conversion of the lead is running
     */
    void delete(String id, Long expectedVersion);
}
