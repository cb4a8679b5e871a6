package org.tessera.crm.core.api.event;

import java.time.Instant;
import java.util.List;

/** One change of the feed: what happened to which record, by whom, with the names of the fields that changed. */
public class ChangeDTO {
    /** The change's position in the feed, increasing. */
    public long position;
    /** The cursor that resumes after this change. */
    public String cursor;
    /** The feed type: {@code party}, {@code activity}, or {@code <module>.<entity>}. */
    public String type;
    /** The Event Admin topic, e.g. {@code org/tessera/crm/core/party/UPDATED}. */
    public String topic;
    /** The last segment of the topic: {@code CREATED}, {@code UPDATED}, {@code DELETED}, or a module's own. */
    public String action;
    /** The id of the record, when the event names one. */
    public String recordId;
    /** The record's version after the change, when known. */
    public Long version;
    /** The names of the fields that changed (on updates); never their values. */
    public List<String> changedFields = List.of();
    /** Who made the change. */
    public String user;
    /** When the change was recorded. */
    public Instant time;
}
