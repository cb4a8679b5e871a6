package org.tessera.crm.core.api.audit;

import java.time.Instant;

/** Criteria of an audit search; {@code null} criteria match everything. */
public class AuditQuery {
    public String entityType;
    public String entityId;
    public String userId;
    /** Inclusive lower bound. */
    public Instant from;
    /** Exclusive upper bound. */
    public Instant to;
    /** Page size, 1 to 200. */
    public int limit = 50;
    /** Cursor returned by the previous page, or {@code null} for the first. */
    public String cursor;
}
