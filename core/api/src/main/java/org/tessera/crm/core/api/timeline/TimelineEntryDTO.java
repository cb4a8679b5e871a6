package org.tessera.crm.core.api.timeline;

import java.time.Instant;

/** One entry of a party's timeline, contributed by a module. */
public class TimelineEntryDTO {
    /** Unique across contributors: {@code <source>:<kind>:<record id>}, for example {@code core:activity:42}. */
    public String id;
    /** Module that contributed the entry, for example {@code core} or {@code sales}. */
    public String source;
    /** Kind of record, for example {@code ACTIVITY} or {@code OPPORTUNITY}. */
    public String kind;
    /** When it happened or is due; the timeline is ordered on it, newest first. */
    public Instant occurredAt;
    public String title;
    public String summary;
    /** Status of the record, if it has one. */
    public String status;
    /** API path of the record, relative to {@code /v1}, for example {@code /activities/42}. */
    public String href;
}
