package org.tessera.crm.core.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;

/**
 * Whiteboard service: a module that registers one adds its records to party timelines. The
 * timeline grows when the module is installed and shrinks when it leaves.
 */
@ConsumerType
public interface TimelineContributor {

    /**
     * Entries of {@code query.partyId} admitted by {@link TimelineQuery#admits}, in timeline
     * order (occurredAt descending, then id descending), at most {@code query.limit}.
     */
    List<TimelineEntryDTO> entries(TimelineQuery query);
}
