package org.tessera.crm.core.api.timeline;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;

/** A party's timeline, merged from every registered {@link org.tessera.crm.core.api.spi.TimelineContributor}. */
@ProviderType
public interface TimelineService {

    /**
     * Entries of a party, newest first.
     *
     * @param cursor cursor of the previous page, or {@code null}
     * @throws NotFoundException when the party does not exist
     */
    Page<TimelineEntryDTO> timeline(String partyId, String cursor, int limit);
}
