package org.tessera.crm.core.api.timeline;

import java.util.List;

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

    /**
     * Entries of a party, newest first, of one module and/or one kind; the filter is applied as
     * each contributor reads its records (a module's contributors alone are asked, and for the
     * kind only), so a page is full whenever more entries match.
     *
     * @param module module whose entries are wanted ({@code sales}), or {@code null} for all
     * @param kind kind of the entries wanted ({@code OPPORTUNITY}), or {@code null} for all
     * @throws org.tessera.crm.core.api.ValidationException on field {@code module} or {@code type}
     *         when no present contributor gives entries of that module or kind
     */
    Page<TimelineEntryDTO> timeline(String partyId, String module, String kind, String cursor, int limit);

    /** The modules that contribute to timelines right now, each with the kinds of entries it declares. */
    List<TimelineSourceDTO> sources();
}
