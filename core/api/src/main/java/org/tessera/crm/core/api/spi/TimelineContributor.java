package org.tessera.crm.core.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;

/**
 * Whiteboard service: a module that registers one adds its records to party timelines. The
 * timeline grows when the module is installed and shrinks when it leaves.
 *
 * <p>Its service property {@value #KINDS} lists the kinds of entries it gives (for example
 * {@code tessera.timeline.kinds=OPPORTUNITY} and {@code =LEAD}), so that a timeline filtered by
 * kind asks it only for those, and the API accepts them as filters. Its module is its bundle's
 * {@code Tessera-Module} header.
 */
@ConsumerType
public interface TimelineContributor {
    /** Service property: the kinds of entries ({@link TimelineEntryDTO#kind}) the contributor gives. */
    String KINDS = "tessera.timeline.kinds";

    /**
     * Entries of {@code query.partyId} admitted by {@link TimelineQuery#admits}, in timeline
     * order (occurredAt descending, then id descending), at most {@code query.limit}.
     */
    List<TimelineEntryDTO> entries(TimelineQuery query);
}
