package org.tessera.crm.core.impl.timeline;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.kit.KeysetCursor;

/** Merges contributors' entries into one page; the cursor holds occurredAt and id of the last entry. */
public final class TimelineMerge {
    private TimelineMerge() {
    }

    /** The query each contributor gets: one more entry than the page, to tell whether more follow. */
    public static TimelineQuery queryFor(String partyId, String cursor, int limit) {
        KeysetCursor.checkLimit(limit);
        TimelineQuery query = new TimelineQuery();
        query.partyId = partyId;
        query.limit = limit + 1;
        if (cursor != null) {
            List<String> parts = KeysetCursor.decode(cursor, 2);
            try {
                query.beforeOccurredAt = Instant.parse(parts.get(0));
            } catch (DateTimeParseException e) {
                throw KeysetCursor.malformed();
            }
            query.beforeId = parts.get(1);
        }
        return query;
    }

    public static Page<TimelineEntryDTO> page(TimelineQuery query, List<List<TimelineEntryDTO>> contributions, int limit) {
        List<TimelineEntryDTO> merged = new ArrayList<>();
        contributions.forEach(entries -> entries.stream()
                .filter(e -> e != null && e.occurredAt != null && e.id != null && query.admits(e))
                .forEach(merged::add));
        merged.sort(TimelineOrder.NEWEST_FIRST);
        if (merged.size() <= limit) {
            return new Page<>(merged, null);
        }
        List<TimelineEntryDTO> page = merged.subList(0, limit);
        TimelineEntryDTO last = page.get(limit - 1);
        return new Page<>(page, KeysetCursor.encode(last.occurredAt.toString(), last.id));
    }
}
