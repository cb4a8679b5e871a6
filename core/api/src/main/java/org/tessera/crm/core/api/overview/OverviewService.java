package org.tessera.crm.core.api.overview;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.NotFoundException;

/**
 * The 360° overview of a party, from every {@link org.tessera.crm.core.api.spi.OverviewContributor}
 * present right now. Sections are computed in parallel, each within a time budget; one that is
 * late or fails is returned with that status, never failing the overview.
 */
@ProviderType
public interface OverviewService {

    /**
     * The party's key facts and the sections the caller may see.
     *
     * @throws NotFoundException when the party does not exist or is outside the caller's scope
     */
    PartyOverviewDTO overview(String partyId);
}
