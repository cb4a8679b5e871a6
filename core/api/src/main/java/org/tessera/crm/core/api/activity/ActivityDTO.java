package org.tessera.crm.core.api.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anything that happened or will happen with a customer: a call, a meeting, an email, a letter,
 * a visit, a task or a note. {@link #links} name the business records of other modules it
 * concerns, as {@code module:entity:id} (for example {@code sales:opportunity:42}).
 *
 * <p>{@code id}, {@code version}, {@code createdAt} and {@code updatedAt} are server-owned.
 */
public class ActivityDTO {
    public String id;
    /** Type code, see {@link ActivityTypes}. */
    public String type;
    public String subject;
    public String description;
    public ActivityStatus status;
    public Instant dueAt;
    public Instant startAt;
    public Instant endAt;
    /** Agent who owns the activity. */
    public String ownerId;
    /** Agent who has to do it. */
    public String assigneeId;
    /** Ids of the parties involved. */
    public List<String> participants = new ArrayList<>();
    /** Channel code, see {@link ActivityTypes}. */
    public String channel;
    public Direction direction;
    /** Outcome code, see {@link ActivityTypes}. */
    public String outcome;
    /** References to business records of other modules, {@code module:entity:id}. */
    public List<String> links = new ArrayList<>();
    /**
     * Ids of this activity in other systems, by source (for example {@code "legacy" -> "A-981"}),
     * unique per source across activities; a bulk import finds the activity again by them.
     */
    public Map<String, String> externalIds = new LinkedHashMap<>();
    /** Values of the custom fields defined for {@code ACTIVITY}, by field key. */
    public Map<String, Object> customFields = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
