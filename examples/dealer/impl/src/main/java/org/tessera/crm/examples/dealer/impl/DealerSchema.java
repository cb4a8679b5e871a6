package org.tessera.crm.examples.dealer.impl;

/**
 * Marker service registered once the pack's migrations have run; the persistence components
 * require it, so nothing touches the dealer tables before they exist.
 */
public interface DealerSchema {
    String PROPERTY = "tessera.schema";
    String VALUE = "dealer";
    String TARGET = "(" + PROPERTY + "=" + VALUE + ")";
}
