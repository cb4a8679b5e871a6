package org.tessera.crm.core.api.activity;

/** Who initiated the interaction. */
public enum Direction {
    INBOUND, OUTBOUND
}
