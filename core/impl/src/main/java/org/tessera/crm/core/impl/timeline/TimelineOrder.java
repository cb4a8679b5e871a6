package org.tessera.crm.core.impl.timeline;

import java.util.Comparator;

import org.tessera.crm.core.api.timeline.TimelineEntryDTO;

/** Timeline order: occurredAt descending, then entry id descending (as {@code TimelineQuery.admits}). */
public final class TimelineOrder {
    public static final Comparator<TimelineEntryDTO> NEWEST_FIRST =
            Comparator.comparing((TimelineEntryDTO e) -> e.occurredAt).thenComparing(e -> e.id).reversed();

    private TimelineOrder() {
    }
}
