package org.tessera.crm.core.api.activity;

/** Whether an activity is still to do, was done, or will not happen. */
public enum ActivityStatus {
    PLANNED, DONE, CANCELLED
}
