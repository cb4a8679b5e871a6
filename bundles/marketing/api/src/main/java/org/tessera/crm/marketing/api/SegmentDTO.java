package org.tessera.crm.marketing.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saved criteria over parties, evaluated by the database. {@code criteria} is a tree:
 * {@code {"and": [...]}}, {@code {"or": [...]}}, {@code {"not": {...}}}, a field condition
 * {@code {"field": "classification", "op": "eq", "value": "CUSTOMER"}} or a fact contributed by
 * another module {@code {"fact": "sales.openOpportunity", "params": {}}}. A {@code STATIC}
 * segment is a list of party ids instead.
 */
public class SegmentDTO {
    public String id;
    public String name;
    public String description;
    /** DYNAMIC (criteria) or STATIC (a list). */
    public String kind;
    public Map<String, Object> criteria = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
