package org.tessera.crm.core.api.timeline;

import java.time.Instant;
import java.util.Set;

/**
 * What a contributor is asked for: entries of {@link #partyId} strictly before the position
 * ({@link #beforeOccurredAt}, {@link #beforeId}) in timeline order (occurredAt descending, then
 * id descending), at most {@link #limit} of them, of the {@link #kinds} asked for.
 */
public class TimelineQuery {
    public String partyId;
    /** {@code null} for the first page. */
    public Instant beforeOccurredAt;
    /** Id of the last entry already returned; with {@link #beforeOccurredAt}. */
    public String beforeId;
    public int limit = 50;
    /**
     * The kinds of entries asked for ({@code OPPORTUNITY}…), or {@code null} for all. A contributor
     * that declares several kinds must leave the others out before it counts {@link #limit}, or a
     * filtered page would end early; one that declares a single kind is only asked for it.
     */
    public Set<String> kinds;

    /**
     * Whether {@code entry} is of a kind asked for and comes strictly after the position of this
     * query in timeline order.
     */
    public boolean admits(TimelineEntryDTO entry) {
        if (kinds != null && !kinds.contains(entry.kind)) {
            return false;
        }
        if (beforeOccurredAt == null) {
            return true;
        }
        int c = entry.occurredAt.compareTo(beforeOccurredAt);
        return c < 0 || (c == 0 && beforeId != null && entry.id.compareTo(beforeId) < 0);
    }
}
