package org.tessera.crm.sales.impl.db;

/**
 * Marker service registered once the sales schema is migrated, with the service property
 * {@value #PROPERTY}={@value #VALUE}. The persistence components depend on it.
 */
public interface SalesSchema {
    String PROPERTY = "tessera.schema";
    String VALUE = "sales";
    String TARGET = "(" + PROPERTY + "=" + VALUE + ")";
}
