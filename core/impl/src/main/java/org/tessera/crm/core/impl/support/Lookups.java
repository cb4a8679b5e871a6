package org.tessera.crm.core.impl.support;

/** What the validation rules need to know about stored data; a fake in unit tests. */
public interface Lookups {
    /** Whether {@code code} is an active value of the picklist {@code picklistKey}. */
    boolean isActiveValue(String picklistKey, String code);

    /** Whether a record of a core entity type (PARTY, ACTIVITY, AGENT, ORG_UNIT) has this id. */
    boolean exists(String entityType, long id);
}
