package org.tessera.crm.sales.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;

/** Quotes made from opportunities, with their approval state machine. */
@ProviderType
public interface QuoteService {

    /**
     * Creates a DRAFT quote from {@code draft.opportunityId}, copying the opportunity's lines
     * unless {@code draft.lines} is given.
     */
    QuoteDTO create(QuoteDTO draft);

    QuoteDTO get(String id);

    /**
     * Replaces the client-writable state of a quote; a change of {@code status} must be an
     * allowed transition.
     *
     * @throws org.tessera.crm.core.api.ConflictException on a transition that is not allowed, or
     *             a change of lines outside DRAFT
     */
    QuoteDTO update(String id, Long expectedVersion, QuoteDTO desired);

    Page<QuoteDTO> search(String opportunityId, QuoteStatus status, int limit, String cursor);

    /**
     * Deletes a quote.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or {@code null} for an unconditional delete
     * @throws org.tessera.crm.core.api.StaleVersionException when the stored version differs
     */
    void delete(String id, Long expectedVersion);
}
