package org.tessera.crm.sales.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.RecordExport;

/**
 * Opportunities. Every write is validated (stage rules, prices, custom fields of
 * {@code OPPORTUNITY}, registered validators), snapshots the forecast-relevant fields into the
 * history when they change, and posts events after commit (STAGE_CHANGED, WON, LOST).
 */
@ProviderType
public interface OpportunityService {

    /** @throws org.tessera.crm.core.api.ValidationException when a field is invalid */
    OpportunityDTO create(OpportunityDTO draft);

    /** @throws org.tessera.crm.core.api.NotFoundException when there is no such opportunity */
    OpportunityDTO get(String id);

    /**
     * Replaces the client-writable state of an opportunity.
     *
     * @param expectedVersion the version the caller read, or {@code null} to skip the check
     * @throws org.tessera.crm.core.api.StaleVersionException when the stored version differs
     * @throws org.tessera.crm.core.api.ValidationException when a field is invalid
     */
    OpportunityDTO update(String id, Long expectedVersion, OpportunityDTO desired);

    /**
     * Deletes an opportunity and its stage history.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or {@code null} for an unconditional delete
     * @throws org.tessera.crm.core.api.StaleVersionException when the stored version differs
     * @throws org.tessera.crm.core.api.DependentRecordsException when quotes were made from it: delete them first
     */
    void delete(String id, Long expectedVersion);

    Page<OpportunityDTO> search(OpportunityQuery query);

    /**
     * Every opportunity the search's criteria match, within the caller's perimeter (its limit and
     * cursor are ignored: an export reads in id order, see {@link RecordExport}).
     *
     * @throws org.tessera.crm.core.api.ValidationException when a criterion is invalid, as {@link #search} would
     */
    RecordExport<OpportunityDTO> export(OpportunityQuery query);

    /** The history of an opportunity, oldest first. */
    List<OpportunityHistoryDTO> history(String id);
}
