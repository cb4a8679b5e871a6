package org.tessera.crm.core.api.timeline;

import java.time.Instant;

/**
 * What a contributor is asked for: entries of {@link #partyId} strictly before the position
 * ({@link #beforeOccurredAt}, {@link #beforeId}) in timeline order (occurredAt descending, then
 * id descending), at most {@link #limit} of them.
 */
public class TimelineQuery {
    public String partyId;
    /** {@code null} for the first page. */
    public Instant beforeOccurredAt;
    /** Id of the last entry already returned; with {@link #beforeOccurredAt}. */
    public String beforeId;
    public int limit = 50;

    /** Whether {@code entry} comes strictly after the position of this query in timeline order. */
    public boolean admits(TimelineEntryDTO entry) {
        if (beforeOccurredAt == null) {
            return true;
        }
        int c = entry.occurredAt.compareTo(beforeOccurredAt);
        return c < 0 || (c == 0 && beforeId != null && entry.id.compareTo(beforeId) < 0);
    }
}
