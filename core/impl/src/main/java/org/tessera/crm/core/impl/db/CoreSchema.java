package org.tessera.crm.core.impl.db;

/**
 * Marker service registered once the core schema is migrated, with the service property
 * {@value #PROPERTY}={@value #VALUE}. Components that touch the database depend on it, so
 * nothing queries a table before it exists.
 */
public interface CoreSchema {
    String PROPERTY = "tessera.schema";
    String VALUE = "core";
    String TARGET = "(" + PROPERTY + "=" + VALUE + ")";
}
