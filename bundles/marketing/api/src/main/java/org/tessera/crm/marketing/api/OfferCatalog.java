package org.tessera.crm.marketing.api;

import java.time.LocalDate;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The campaigns' offers for the modules that propose them elsewhere (a pack's next-best-offer
 * rules): registered while marketing is active, so such a module proposes marketing offers exactly
 * when marketing is installed.
 */
@ProviderType
public interface OfferCatalog {

    /**
     * The offer of this id if it may be proposed on {@code day}: within its start and end dates
     * (each optional) and its campaign active. Empty when the id is no offer's, or the offer is not
     * available that day. Not scoped to a caller: an offer is catalogue data, not a party's record.
     */
    Optional<OfferDTO> available(String offerId, LocalDate day);
}
